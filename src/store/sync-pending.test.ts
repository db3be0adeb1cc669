import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changedRecords } from './sync';

describe('pending edits are counted in records', () => {
  it('one sentence typed into a note, one letter per transaction, is one record; a new record and a log entry count once each', () => {
    const doc = new Y.Doc();
    const requests = doc.getMap<Y.Map<unknown>>('requests');
    const seen = new Set<string>();
    doc.on('afterTransaction', (tr: Y.Transaction) => { for (const k of changedRecords(doc, tr)) seen.add(k); });
    doc.transact(() => {
      const r = new Y.Map<unknown>();
      r.set('description', new Y.Text());
      r.set('history', new Y.Array());
      requests.set('r1', r);
    });
    const text = requests.get('r1')!.get('description') as Y.Text;
    for (const ch of '楼上装修噪音，晚上十点后仍施工，已经三天了') doc.transact(() => text.insert(text.length, ch));
    doc.transact(() => (requests.get('r1')!.get('history') as Y.Array<unknown>).push([{ action: 'x' }]));
    doc.transact(() => doc.getMap('customers').set('c1', new Y.Map()));
    expect([...seen].sort()).toEqual(['customers/c1', 'requests/r1']);
  });
});
