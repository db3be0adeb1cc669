/**
 * A record's shard has one home (issue 17, point 3): `shardOfRecord` in src/domain/shards.ts.
 * Nothing else builds a ledger shard's name or reads a year or month off a date to choose one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../src');
const HOME = 'domain/shards.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Code (not comments) that picks a ledger shard by hand. */
const BY_HAND = [/`ledger-\$\{/, /['"]ledger-\d{4}/, /ledgerShard\(\s*Number\(/, /ledgerShard\([^)]*getFullYear/];

export function violations(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  return BY_HAND.filter((re) => re.test(code)).map(String);
}

describe('a record has one shard', () => {
  it('only domain/shards.ts works out which ledger a record lives in', () => {
    const found = files(ROOT)
      .filter((f) => relative(ROOT, f) !== HOME)
      .flatMap((f) => violations(readFileSync(f, 'utf8')).map((v) => `${relative(ROOT, f)}: ${v}`));
    expect(found).toEqual([]);
  });

  it('the scan catches a planted violation', () => {
    expect(violations("const shard = `ledger-${new Date().getFullYear()}`;")).not.toEqual([]);
    expect(violations('return ledgerShard(Number(row.period.slice(0, 4)));')).not.toEqual([]);
    expect(violations('// `ledger-${year}` in a comment is fine')).toEqual([]);
  });
});
