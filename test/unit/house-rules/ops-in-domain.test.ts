import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { opBuilding, opBuildingIn } from '../../helpers/op-scan';
import { useScratch } from '../../helpers/scratch';

// The write path's first rule: the domain decides what a command holds; the store only reads,
// asks the domain and runs what it got. The types make ops readonly; this scan also catches what
// types let through (Object.assign, a literal op) — as store/events.ts once did to a request.
describe('no store module builds or edits an op', () => {
  const scratch = useScratch('ops-');

  it('finds none in src/store', () => {
    expect(opBuildingIn('src/store')).toEqual([]);
  });

  it('finds the old remark-to-request patches planted in a copy of src/store', () => {
    const planted = scratch();
    fs.cpSync('src/store', path.join(planted, 'store'), { recursive: true });
    fs.appendFileSync(path.join(planted, 'store/events.ts'), [
      '',
      'export function planted(create: any, command: any, link: any, requestId: string, ctx: any, e: any, remark: any, office: any) {',
      '  Object.assign(create.fields, { sourceEventId: e.id, remarkId: remark.id });',
      "  command.ops.push({ kind: 'log', collection: 'requests', id: requestId, entry: historyEntry(ctx, 'request.fromEvent') });",
      '  return office.run({ shard: command.shard, ops: [...command.ops, ...link.value.ops] });',
      '}',
      '',
    ].join('\n'));
    const hits = opBuildingIn(path.join(planted, 'store'), planted).map((h) => h.replace(/:\d+:/, ':'));
    expect(hits).toEqual([
      'store/events.ts: edits an op',
      'store/events.ts: builds an op',
      'store/events.ts: edits a command’s ops',
      'store/events.ts: writes a history line',
      'store/events.ts: builds a command from ops',
    ]);
  });

  it('knows each way of building or editing, and leaves reading and comments alone', () => {
    expect(opBuilding("const op = { kind: 'set', collection: 'staff', id, fields: {} };")).toEqual(['1: builds an op']);
    expect(opBuilding('return office.run({ shard, ops });')).toEqual(['1: builds a command from ops']);
    expect(opBuilding('made.value.ops.splice(0, 1);')).toEqual(['1: edits a command’s ops']);
    expect(opBuilding('op.fields.status = "closed";')).toEqual(['1: edits an op']);
    expect(opBuilding("create.fields['remarkId'] = r.id;")).toEqual(['1: edits an op']);
    expect(opBuilding('log.entry = { ...log.entry, action };')).toEqual(['1: edits an op']);
    expect(opBuilding("if (op.kind === 'set' && op.fields.status === 'closed') count++;")).toEqual([]);
    expect(opBuilding("// the domain adds { kind: 'log' } here\n/* ops: [a, b] */")).toEqual([]);
    expect(opBuilding('return runAll(office, combine(made.value, call.value.command));')).toEqual([]);
  });
});
