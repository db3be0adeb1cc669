import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../../helpers/source-graph';

// A record's view is made once per record id, not once per row object: a live query hands back a
// new row on every re-read, and `<Show when={row()} keyed>` remounts the view for each — the PIN
// just typed emptied (commit 8e8bd22, e2e pin-form-reread). `KeyedById` (ui/common) is the one
// place that does it right. So a keyed <Show> anywhere else may key only on an id (`params.id`,
// `staffId()`) or on a value from the allow-list below; and the inline form of the rule
// (`when={row()?.id} keyed` with a second Show inside) is KeyedById's, written out again.

/** Keyed Shows whose `when` is no record row, each with why (file, then the `when` expression). */
const ALLOWED: Record<string, string[]> = {
  // The first step's name (a string): a new step remounts its form, on purpose.
  'src/ui/requests/LifecycleSteps.tsx': ['steps()[0]'],
  'src/ui/requests/ComplaintSteps.tsx': ['steps()[0]'],
  // A print form's component, chosen by the route.
  'src/print/PrintRoute.tsx': ['form()'],
};

/** The `when` expression of every `<Show … keyed …>` in a file's text, comments left out. */
export function keyedWhens(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const m of code.matchAll(/<Show\b/g)) {
    // The tag's top level, with each `{…}` replaced by its number: `when={#0} keyed fallback={#1}>`.
    let top = '';
    const exprs: string[] = [];
    let depth = 0;
    let expr = '';
    for (let i = m.index + 5; i < code.length; i++) {
      const c = code[i];
      if (depth === 0) {
        if (c === '>') break;
        if (c === '"' || c === "'") {
          const end = code.indexOf(c, i + 1);
          top += code.slice(i, end + 1);
          i = end;
          continue;
        }
        if (c === '{') {
          depth = 1;
          expr = '';
          continue;
        }
        top += c;
        continue;
      }
      if (c === '{') depth++;
      if (c === '}' && --depth === 0) {
        top += `{#${exprs.length}}`;
        exprs.push(expr.trim());
        continue;
      }
      expr += c;
    }
    if (!/(^|\s)keyed(\s|=|\/|$)/.test(top)) continue;
    const when = /\bwhen=\{#(\d+)\}/.exec(top);
    found.push(when ? exprs[Number(when[1])] : '');
  }
  return found;
}

/** Why a keyed Show's `when` breaks the rule, or null: an id, or allowed for this file. */
export function keyedProblem(when: string, allowed: string[] = []): string | null {
  if (allowed.includes(when)) return null;
  if (/\?\.id\s*$/.test(when)) return 'the id of a row that may be missing: use KeyedById';
  // `open() && staffId()`: what it is keyed on is the last operand.
  const last = when.split('&&').at(-1)!.trim();
  if (/(\bid|Id)(\(\))?$/.test(last)) return null;
  return 'keyed on a value that is no id (a record row remounts on every re-read): use KeyedById';
}

describe('a record view is keyed by its id, through KeyedById', () => {
  it('no keyed Show over a row in ui and print', () => {
    const found = ['src/ui', 'src/print'].flatMap((dir) =>
      sourceFiles(path.resolve(dir))
        .filter((f) => f.endsWith('.tsx') && !f.endsWith(`common${path.sep}KeyedById.tsx`))
        .flatMap((f) => {
          const file = path.relative('.', f).split(path.sep).join('/');
          return keyedWhens(fs.readFileSync(f, 'utf8')).flatMap((when) => {
            const why = keyedProblem(when, ALLOWED[file]);
            return why ? [`${file}: when={${when}} — ${why}`] : [];
          });
        }));
    expect(found).toEqual([]);
  });

  it('finds a planted row, the inline pattern, and leaves ids and plain Shows alone', () => {
    const planted = [
      '<Show when={picked()} keyed>{(s) => <PinForm staff={s} />}</Show>',
      '<Show when={row()?.id} keyed fallback={<p class="empty">{t("x")}</p>}>\n  {(_id) => <Show when={row()}>{(r) => <View row={r()} />}</Show>}\n</Show>',
      '<Show\n  when={canEdit() && resetRow()}\n  keyed\n>{(s) => <ResetPinForm staff={s} />}</Show>',
    ].join('\n');
    const whens = keyedWhens(planted);
    expect(whens).toEqual(['picked()', 'row()?.id', 'canEdit() && resetRow()']);
    expect(whens.map((w) => keyedProblem(w) !== null)).toEqual([true, true, true]);

    const fine = [
      '<Show when={params.id} keyed>{(id) => <CustomerView id={id} />}</Show>',
      '<Show when={open() && staffId()} keyed>{(_id) => props.children}</Show>',
      '<Show when={row()}>{(r) => <View row={r()} />}</Show>',
      '{/* <Show when={row()} keyed> */}',
      '<Show when={a() > b()} fallback={<p>keyed</p>}>x</Show>',
    ].join('\n');
    expect(keyedWhens(fine).map((w) => keyedProblem(w))).toEqual([null, null]);
    expect(keyedProblem('steps()[0]', ALLOWED['src/ui/requests/LifecycleSteps.tsx'])).toBeNull();
  });
});
