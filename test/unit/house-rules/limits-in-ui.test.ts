import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/domain/limits';
import { sourceFiles } from '../../helpers/source-graph';

// A bound on what staff can type has one home, `LIMITS`: a form that writes the number itself
// (2000 was written twelve times) drifts from the rule the command checks.
const limitValues = new Set<number>(Object.values(LIMITS));

/** `line: maxLength={N}` for every input bound written as a number that LIMITS holds. */
export function boundsOutsideLimits(text: string): string[] {
  return text.split('\n').flatMap((line, i) =>
    [...line.matchAll(/maxLength=\{\s*([\d_]+)\s*\}/g)].filter((m) => limitValues.has(Number(m[1].replace(/_/g, '')))).map((m) => `${i + 1}: ${m[0]}`));
}

describe('input bounds come from LIMITS', () => {
  it('no page writes a LIMITS number itself', () => {
    const found = sourceFiles(path.resolve('src')).flatMap((f) => boundsOutsideLimits(fs.readFileSync(f, 'utf8')).map((hit) => `${path.relative('.', f)}:${hit}`));
    expect(found).toEqual([]);
  });

  it('finds a planted one, and leaves bounds LIMITS does not hold (a 6-digit PIN) alone', () => {
    expect(boundsOutsideLimits('<input maxLength={2000} />\n<input maxLength={LIMITS.longText} />\n<textarea maxLength={20_000} />')).toEqual(['1: maxLength={2000}', '3: maxLength={20_000}']);
    expect(boundsOutsideLimits('<input name="pin" maxLength={6} />')).toEqual([]);
  });
});
