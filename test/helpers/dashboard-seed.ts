import * as Y from 'yjs';
import type { CommandContext } from '../../src/domain/actor';
import { createCustomer } from '../../src/domain/customers/customer';
import { monthBounds, monthOf } from '../../src/domain/indicators/period';
import { recordFollowUp, takeRequest } from '../../src/domain/requests/lifecycle';
import { requestFromRecord } from '../../src/domain/requests/record';
import { defaultServiceSettings } from '../../src/domain/requests/settings';
import { officeDay } from '../../src/domain/requests/work-time';
import { createSurvey, DEFAULT_LABELS } from '../../src/domain/surveys/survey';
import { createUnit } from '../../src/domain/units/unit';
import { applyCommand } from '../../src/store/apply';
import { benchActor } from '../bench/seed';

/**
 * A small office whose month has figures that can be counted by hand (the e2e of the dashboard
 * and the monthly report): 30 households in 3 buildings; this month 4 lift repairs all reopened
 * and late, 6 water repairs on time and followed up satisfied, 2 noise complaints closed (one
 * followed up), and a 5-level survey of every household.
 */
const settings = defaultServiceSettings();
const run = (doc: Y.Doc, r: { ok: true; value: { command: Parameters<typeof applyCommand>[1] } } | { ok: false; problems: unknown }) => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  applyCommand(doc, r.value.command, 'seed');
};

export const UNITS = [1, 2, 3].flatMap((b) => Array.from({ length: 10 }, (_, i) => `${b}-1-${101 + i}`));

export function seedDirectory(): Y.Doc {
  const doc = new Y.Doc();
  const ctx: CommandContext = { actor: benchActor, now: new Date().toISOString() };
  const codes = new Set<string>();
  for (const code of UNITS) {
    run(doc, createUnit({ code, area: '90', use: 'residential', status: 'owner' }, ctx, codes));
    codes.add(code);
  }
  const names = ['张伟', '王芳', '李娜'];
  names.forEach((name, i) => {
    const made = createCustomer({ name, phones: [`1381234567${i}`], unitCode: UNITS[i], tags: i === 0 ? ['老人'] : [] }, '', ctx, []);
    run(doc, made);
  });
  return doc;
}

export function addSurvey(office: Y.Doc): string {
  const today = officeDay(new Date(), settings.calendar);
  const made = createSurvey({
    title: '年度满意度调查', intro: '请在相应等级上打勾。', levels: 5, satisfiedFrom: 4,
    questions: [
      { type: 'scale', text: '总体服务', options: [...DEFAULT_LABELS[5]] },
      { type: 'scale', text: '报修及时', options: [...DEFAULT_LABELS[5]] },
      { type: 'text', text: '意见建议', options: [] },
    ],
    target: { kind: 'all' }, firstWave: { label: '第一轮', start: today },
  }, { actor: benchActor, now: new Date().toISOString() }, 'survey1');
  run(office, made);
  return 'survey1';
}

export interface SeededMonth {
  month: string;
  year: number;
  ledger: Y.Doc;
  liftNumbers: string[];
}

export function seedLedger(): SeededMonth {
  const now = Date.now();
  const month = monthOf(new Date(now).toISOString(), 480);
  const start = Date.parse(monthBounds(month, 480).start) + 60_000;
  const n = 12;
  const u = (now - 60_000 - start) / (n * 10);
  const doc = new Y.Doc();
  const liftNumbers: string[] = [];
  const plan = [
    ...Array.from({ length: 4 }, () => ({ kind: 'repair' as const, category: 'lift', late: true, reopen: true, followUp: 2 })),
    ...Array.from({ length: 6 }, () => ({ kind: 'repair' as const, category: 'water-electric', late: false, reopen: false, followUp: 5 })),
    { kind: 'complaint' as const, category: 'noise', late: false, reopen: false, followUp: 4 },
    { kind: 'complaint' as const, category: 'noise', late: false, reopen: false, followUp: 0 },
  ];
  const iso = (t: number) => new Date(t).toISOString();
  plan.forEach((p, i) => {
    const t0 = start + i * 10 * u;
    const number = `${p.kind === 'repair' ? 'BX' : 'TS'}-${month.slice(2, 4)}${month.slice(5, 7)}-B-${String(i + 1).padStart(3, '0')}`;
    if (p.category === 'lift') liftNumbers.push(number);
    const made = takeRequest({ kind: p.kind, category: p.category, urgency: 'normal', channel: 'phone', description: p.category === 'lift' ? `${i + 1} 号电梯停运` : '厨房水龙头漏水', customerId: '', customerName: `业主${i + 1}`, unitCode: UNITS[i], phone: '', location: '' }, number, settings, { actor: benchActor, now: iso(t0) });
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    applyCommand(doc, made.value.command, 'seed');
    const id = made.value.id;
    const shard = made.value.command.shard;
    applyCommand(doc, { shard, ops: [{ kind: 'set', collection: 'requests', id, fields: {
      status: 'done', teamId: settings.categories.find((c) => c.id === p.category)!.teamId,
      due: { respond: iso(t0 + u), finish: iso(t0 + 4 * u), reportBack: iso(t0 + 8 * u) },
      respondedAt: iso(t0 + (p.late ? 2 : 0.5) * u), doneAt: iso(t0 + (p.late ? 5 : 3) * u), reopenCount: p.reopen ? 1 : 0,
    } }] }, 'seed');
    if (p.followUp) {
      const req = requestFromRecord(id, (doc.getMap<Y.Map<unknown>>('requests').get(id) as Y.Map<unknown>).toJSON());
      const fu = recordFollowUp(req, 'phone', p.followUp, p.followUp < 4 ? '电梯修了又坏' : '', { actor: benchActor, now: iso(t0 + 6 * u) });
      if (!fu.ok) throw new Error(JSON.stringify(fu.problems));
      applyCommand(doc, fu.value, 'seed');
    }
    if (p.kind === 'complaint') applyCommand(doc, { shard, ops: [{ kind: 'set', collection: 'requests', id, fields: { status: 'closed', closedAt: iso(t0 + 7 * u) } }] }, 'seed');
  });
  return { month, year: Number(month.slice(0, 4)), ledger: doc, liftNumbers };
}
