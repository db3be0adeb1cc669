import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../../helpers/source-graph';

// A signal read with `x()!` promises the compiler a value it checked somewhere else (a `<Show>`
// around it, a test a line before): the check and the promise drift apart, and a page that
// renders one tick early throws. `<Show when={x()}>{(x) => …}</Show>` or a local `const` keeps
// the check and the use in one place.

/** `line: x()!` for every call of a signal (or any function) asserted non-null, comments left out. */
export function signalBangs(text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    return [...code.matchAll(/[\w$.]+\(\)!(?!=)/g)].map((m) => `${i + 1}: ${m[0]}`);
  });
}

describe('no signal read with a non-null assertion in ui, print and shared', () => {
  it('none in the tree', () => {
    const found = ['src/ui', 'src/print', 'src/shared'].flatMap((dir) =>
      sourceFiles(path.resolve(dir)).flatMap((f) => signalBangs(fs.readFileSync(f, 'utf8')).map((hit) => `${path.relative('.', f)}:${hit}`)));
    expect(found).toEqual([]);
  });

  it('finds a planted one, and leaves `!==`, `!x()` and a callback’s `x()` alone', () => {
    expect(signalBangs('<Body lines={view() ? lines(view()!) : []} />\nconst n = rows()!.length;')).toEqual(['1: view()!', '2: rows()!']);
    expect(signalBangs('if (made() !== null && !busy()) go();\n<Show when={x()}>{(x) => x().id}</Show>')).toEqual([]);
  });
});
