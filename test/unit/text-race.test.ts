/**
 * A keystroke's command is built on the page and applied later in the sync worker. A colleague's
 * words that reach the Y.Text in between must be kept: the command carries the text it was typed
 * against (its base) even when the editor gave none, so the splice is moved onto the newer text
 * instead of replacing it. Without the base this lost a typed marker in the worker property test
 * (schedule 49 of seed 20261201: t1 types "[1:2]", t0 saves "[0:3]" typed against "").
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommandContext } from '../../src/domain/actor';
import { editText } from '../../src/domain/text-edit';
import { applyCommand } from '../../src/store/apply';

const ctx: CommandContext = { actor: { staffId: 's1', name: '员工1', deviceCode: 'A' }, now: '2026-12-07T08:00:00.000Z' } as CommandContext;

function docWithNotes(text: string): Y.Doc {
  const doc = new Y.Doc();
  const record = new Y.Map<unknown>();
  doc.getMap<Y.Map<unknown>>('customers').set('c1', record);
  record.set('notes', new Y.Text(text));
  record.set('history', new Y.Array());
  return doc;
}

const notes = (doc: Y.Doc) => String((doc.getMap<Y.Map<unknown>>('customers').get('c1') as Y.Map<unknown>).get('notes'));

describe('a text edit applied after a colleague typed', () => {
  it('keeps the colleague’s words when the editor gave no base', () => {
    const made = editText({ shard: 'directory', collection: 'customers', id: 'c1', field: 'notes', current: '', value: '[0:3]', history: [], action: 'history.notesEdited' }, ctx);
    expect(made.ok).toBe(true);
    if (!made.ok || !made.value) throw new Error('no command');
    const doc = docWithNotes('');
    // The colleague's keystroke arrives between building the command and applying it.
    (doc.getMap<Y.Map<unknown>>('customers').get('c1')!.get('notes') as Y.Text).insert(0, '[1:2]');
    applyCommand(doc, made.value, 'local');
    expect(notes(doc)).toContain('[1:2]');
    expect(notes(doc)).toContain('[0:3]');
  });

  it('still replaces what the person themself deleted', () => {
    const made = editText({ shard: 'directory', collection: 'customers', id: 'c1', field: 'notes', current: '独居老人，行动不便', value: '独居老人', history: [], action: 'history.notesEdited' }, ctx);
    if (!made.ok || !made.value) throw new Error('no command');
    const doc = docWithNotes('独居老人，行动不便');
    applyCommand(doc, made.value, 'local');
    expect(notes(doc)).toBe('独居老人');
  });
});
