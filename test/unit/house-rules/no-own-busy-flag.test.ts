import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../../helpers/source-graph';

// Every form and action button takes its busy guard and its reasons from ui/common/FormShell
// (`createSave`, `saveWith`, `createAction`): the guard is set before the first await, the
// button says 保存中…, the reasons show with role=alert in the person's language. A page with a
// `[busy, setBusy] = createSignal(false)` of its own has, every time so far, forgotten one of
// these (a late check, no alert, a raw string instead of a translated reason). A list of
// reasons of its own (`createSignal<Problem[]>`) is the same thing half done: the reasons go in an
// action's (`run`, or `showOutcome` for a change deliberately outside the guard, ui/common/outcome.ts).

const BUSY_NAME = /^(busy|saving|submitting|working|inFlight|pending)/i;
const ERROR_NAME = /^(error|err|errorText)$/i;

/** `line: name` for every boolean busy signal, string error signal and list of reasons a file makes itself. */
export function ownGuards(text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    const found: string[] = [];
    for (const m of code.matchAll(/\[\s*(\w+)\s*,\s*\w+\s*\]\s*=\s*createSignal(?:<([^>]*)>)?\(([^)]*)\)/g)) {
      const [, name, type, init] = m;
      // A state machine with a saving state of its own (TargetsEditor's 'idle' | 'saving' | 'saved').
      if (type && /'(saving|busy)'/.test(type)) found.push(`${i + 1}: ${name}`);
      if (BUSY_NAME.test(name) && /^\s*(false|true)\s*$/.test(init)) found.push(`${i + 1}: ${name}`);
      if (ERROR_NAME.test(name) && /^\s*(''|""|``)\s*$/.test(init)) found.push(`${i + 1}: ${name}`);
    }
    for (const m of code.matchAll(/\[\s*(\w+)\s*,\s*\w+\s*\]\s*=\s*createSignal<\s*(?:readonly\s+)?Problem\[\]\s*>/g)) found.push(`${i + 1}: ${m[1]}`);
    return found;
  });
}

describe('no page keeps its own busy flag or error string', () => {
  it('none in ui, print and shared outside ui/common', () => {
    const found = ['src/ui', 'src/print', 'src/shared'].flatMap((dir) =>
      sourceFiles(path.resolve(dir))
        .filter((f) => !f.includes(`${path.sep}ui${path.sep}common${path.sep}`))
        .flatMap((f) => ownGuards(fs.readFileSync(f, 'utf8')).map((hit) => `${path.relative('.', f)}:${hit}`)));
    expect(found).toEqual([]);
  });

  it('finds planted ones (as DevicesPage and Setup had them, and PictureViewer, AttendanceCard, TargetsEditor, ScanPage their reasons), and leaves other signals alone', () => {
    expect(ownGuards('  const [problems, setProblems] = createSignal<Problem[]>([]);\nconst [why, setWhy] = createSignal<readonly Problem[]>([]);')).toEqual(['1: problems', '2: why']);
    expect(ownGuards("const [state, setState] = createSignal<'idle' | 'saving' | 'saved'>('idle');")).toEqual(['1: state']);
    expect(ownGuards("  const [busy, setBusy] = createSignal(false);\n  const [error, setError] = createSignal('');")).toEqual(['1: busy', '2: error']);
    expect(ownGuards('const [saving, setSaving] = createSignal<boolean>(false);')).toEqual(['1: saving']);
    expect(ownGuards("const [savingRow, setSavingRow] = createSignal('');\nconst [open, setOpen] = createSignal(false);\n// const [busy, setBusy] = createSignal(false);")).toEqual([]);
  });
});
