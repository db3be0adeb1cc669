import * as Y from 'yjs';
import type { CommandContext } from '../../src/domain/actor';
import { monthBounds, monthOf } from '../../src/domain/indicators/period';
import { investigate } from '../../src/domain/requests/complaint';
import { findComplaint } from '../../src/domain/requests/finding';
import { recordFollowUp, takeRequest, type IntakeInput } from '../../src/domain/requests/lifecycle';
import type { ComplaintOrigin } from '../../src/domain/requests/origin-types';
import { requestFromRecord } from '../../src/domain/requests/record';
import { defaultServiceSettings } from '../../src/domain/requests/settings';
import type { Command } from '../../src/domain/ops';
import type { Result } from '../../src/domain/result';
import { createStaff } from '../../src/domain/staff/staff';
import { createUnit } from '../../src/domain/units/unit';
import { applyCommand } from '../../src/store/apply';
import type { ShardName } from '../../src/domain/shards';
import { benchActor } from '../bench/seed';

/**
 * A month of complaints of every origin, some found valid and some not, and the work of two
 * engineers (issue 21's e2e): every figure below is counted by hand.
 * - 50 households.
 * - Complaints: authority a1 valid (about 刘工), a2 invalid; company c1 valid (about 刘工), c2 valid,
 *   c3 invalid; direct d1 valid; media m1 invalid; other o1 not yet found.
 *   → valid via the authorities 1 (a1); via the company 2 ÷ 50 × 100 = 4.00 (c1, c2).
 * - Repairs: r1 刘工 on time, followed up 很满意; r2 刘工 late, followed up 不满意, reopened;
 *   r3 刘工 on time; r4 赵师傅 on time, followed up 满意.
 * - Praise: p1 names 刘工 and 赵师傅, p2 names 刘工.
 * → 刘工: handled 3, on time 2/3, satisfied 1/2, rework 1/3, praise 2, valid complaints 2.
 */
export const STAFF = { liu: { id: 'st-liu', name: '刘工' }, zhao: { id: 'st-zhao', name: '赵师傅' }, li: { id: 'st-li', name: '李娜' } };
const settings = defaultServiceSettings();
const UNITS = Array.from({ length: 50 }, (_, i) => `${Math.floor(i / 10) + 1}-1-${101 + (i % 10)}`);

function run<T extends { command: Command } | Command>(doc: Y.Doc, r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  applyCommand(doc, 'command' in r.value ? r.value.command : (r.value as Command), 'seed');
  return r.value;
}

export function seedStaff(office: Y.Doc): void {
  const now = new Date().toISOString();
  run(office, createStaff(STAFF.liu.name, 'team', { actor: benchActor, now }, STAFF.liu.id, 'engineering'));
  run(office, createStaff(STAFF.zhao.name, 'team', { actor: benchActor, now }, STAFF.zhao.id, 'engineering'));
  run(office, createStaff(STAFF.li.name, 'reception', { actor: benchActor, now }, STAFF.li.id));
}

export function seedHouseholds(): Y.Doc {
  const doc = new Y.Doc();
  const ctx: CommandContext = { actor: benchActor, now: new Date().toISOString() };
  const codes = new Set<string>();
  for (const code of UNITS) {
    run(doc, createUnit({ code, area: '90', use: 'residential', status: 'owner' }, ctx, codes));
    codes.add(code);
  }
  return doc;
}

export interface OriginMonth {
  month: string;
  shard: string;
  ledger: Y.Doc;
  /** Request number by seed key (a1, c1, r1 …). */
  numbers: Record<string, string>;
  requests: number;
}

export function seedOriginMonth(): OriginMonth {
  const now = Date.now();
  const month = monthOf(new Date(now).toISOString(), 480);
  const start = Date.parse(monthBounds(month, 480).start) + 60_000;
  const complaints: { key: string; origin: ComplaintOrigin; finding: boolean | null; about?: string }[] = [
    { key: 'a1', origin: 'authority', finding: true, about: STAFF.liu.id },
    { key: 'a2', origin: 'authority', finding: false },
    { key: 'c1', origin: 'company', finding: true, about: STAFF.liu.id },
    { key: 'c2', origin: 'company', finding: true },
    { key: 'c3', origin: 'company', finding: false },
    { key: 'd1', origin: 'direct', finding: true },
    { key: 'm1', origin: 'media', finding: false },
    { key: 'o1', origin: 'other', finding: null },
  ];
  const repairs: { key: string; who: string; late: boolean; followUp: number; reopen: boolean }[] = [
    { key: 'r1', who: STAFF.liu.id, late: false, followUp: 5, reopen: false },
    { key: 'r2', who: STAFF.liu.id, late: true, followUp: 2, reopen: true },
    { key: 'r3', who: STAFF.liu.id, late: false, followUp: 0, reopen: false },
    { key: 'r4', who: STAFF.zhao.id, late: false, followUp: 4, reopen: false },
  ];
  const praises: { key: string; names: string[] }[] = [{ key: 'p1', names: [STAFF.liu.id, STAFF.zhao.id] }, { key: 'p2', names: [STAFF.liu.id] }];
  const total = complaints.length + repairs.length + praises.length;
  // Every step between the month's start and now, in order.
  const u = (now - 60_000 - start) / (total * 10);
  const iso = (t: number) => new Date(t).toISOString();
  const doc = new Y.Doc();
  const numbers: Record<string, string> = {};
  let shard = '' as ShardName;
  let i = 0;
  const take = (key: string, input: Partial<IntakeInput>, prefix: string) => {
    const t0 = start + i++ * 10 * u;
    const number = `${prefix}-${month.slice(2, 4)}${month.slice(5, 7)}-S-${String(i).padStart(3, '0')}`;
    numbers[key] = number;
    const made = run(doc, takeRequest({
      kind: 'complaint', category: 'noise', urgency: 'normal', channel: 'phone', description: `${key} 的事由`, customerId: '', customerName: `业主${i}`,
      unitCode: UNITS[i], phone: '', location: '', ...input,
    }, number, settings, { actor: benchActor, now: iso(t0) }));
    shard = made.command.shard;
    return { id: made.id, t0 };
  };
  const read = (id: string) => requestFromRecord(id, (doc.getMap<Y.Map<unknown>>('requests').get(id) as Y.Map<unknown>).toJSON());
  const manager: (t: number) => CommandContext = (t) => ({ actor: benchActor, now: iso(t) });
  for (const c of complaints) {
    const { id, t0 } = take(c.key, { origin: c.origin, demand: '要求书面答复' }, 'TS');
    if (c.finding === null) continue;
    run(doc, investigate(read(id), { facts: '经核实', cause: '管理疏漏', responsibility: 'company', severity: 'general' }, manager(t0 + u)));
    run(doc, findComplaint(read(id), { valid: c.finding, reason: c.finding ? '经核实属实' : '与事实不符', staffIds: c.about ? [c.about] : [] }, 'manager', manager(t0 + 2 * u)));
  }
  for (const r of repairs) {
    const { id, t0 } = take(r.key, { kind: 'repair', category: 'water-electric', description: `${r.key} 水管漏水` }, 'BX');
    applyCommand(doc, { shard, ops: [{ kind: 'set', collection: 'requests', id, fields: {
      status: 'done', teamId: 'engineering', assigneeId: r.who,
      due: { respond: iso(t0 + u), finish: iso(t0 + 4 * u), reportBack: iso(t0 + 8 * u) },
      respondedAt: iso(t0 + 0.5 * u), doneAt: iso(t0 + (r.late ? 5 : 3) * u), reopenCount: r.reopen ? 1 : 0,
    } }] }, 'seed');
    if (r.followUp) run(doc, recordFollowUp(read(id), 'phone', r.followUp, '', manager(t0 + 6 * u)));
  }
  for (const p of praises) take(p.key, { kind: 'praise', category: 'service-attitude', description: `${p.key} 表扬维修师傅`, praisedIds: p.names }, 'BY');
  return { month, shard, ledger: doc, numbers, requests: total };
}
