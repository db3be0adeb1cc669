import * as Y from 'yjs';
import { createCustomer } from '../../src/domain/customers/customer';
import { createStaff, setOfficeName } from '../../src/domain/staff/staff';
import { createUnit } from '../../src/domain/units/unit';
import { applyCommand } from '../../src/store/apply';
import type { CommandContext } from '../../src/domain/actor';
import { generateCustomers, generateUnits, rng, type GeneratedCustomer } from './generate';
import { takeRequest } from '../../src/domain/requests/lifecycle';
import { defaultServiceSettings } from '../../src/domain/requests/settings';
import { savePlan, type Recurrence } from '../../src/domain/plans/plan';

export const benchActor = { staffId: 'bench-staff', name: '王丽', deviceCode: 'A' };
const ctx = (): CommandContext => ({ actor: benchActor, now: new Date().toISOString() });

/** The office shard: the office's name and one manager profile. */
export function officeDoc(name: string): Y.Doc {
  const doc = new Y.Doc();
  const staff = createStaff(benchActor.name, 'manager', { now: new Date().toISOString() }, benchActor.staffId, '', { creator: 'founder' });
  if (!staff.ok) throw new Error('staff');
  applyCommand(doc, staff.value.command, 'seed');
  const named = setOfficeName(name, ctx());
  if (named.ok) applyCommand(doc, named.value, 'seed');
  addPlans(doc, 20);
  return doc;
}

/** `n` communication plans of every recurrence, over the generator's tags and buildings (今日's bench). */
function addPlans(doc: Y.Doc, n: number): void {
  const recurrences: Recurrence[] = [{ every: 'week', weekday: 3 }, { every: 'month', day: 1 }, { every: 'quarter', day: 15 }, { every: 'year', month: 1, day: 20 }, { every: 'afterContact', days: 30 }];
  const start = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < n; i++) {
    const made = savePlan(null, {
      name: `计划 ${i + 1}`, group: { kinds: [], buildings: [String((i % 10) + 1)], tags: i % 2 ? ['独居老人'] : [], grades: [], complaintSince: '' },
      recurrence: recurrences[i % recurrences.length], start, ownerId: '', teamId: '', templateId: '', active: true,
    }, ctx());
    if (!made.ok || !made.value.command) throw new Error('seed plan refused');
    applyCommand(doc, made.value.command, 'seed');
  }
}

/** The directory shard with `customers` customers spread over `units` units, built through the domain commands. */
export function directoryDoc(customers: number, units: number): { doc: Y.Doc; ids: string[]; customers: GeneratedCustomer[] } {
  const doc = new Y.Doc();
  const ids: string[] = [];
  const unitList = generateUnits(units);
  const list = generateCustomers(customers, unitList);
  doc.transact(() => {
    const codes = new Set<string>();
    for (const u of unitList) {
      const made = createUnit({ code: u.code, area: String(60 + (u.floor % 7) * 15), use: 'residential', status: u.floor % 9 === 0 ? 'rented' : 'owner' }, ctx(), codes);
      if (!made.ok) throw new Error(`seed unit refused: ${JSON.stringify(made.problems)}`);
      applyCommand(doc, made.value.command, 'seed');
      codes.add(u.code);
    }
    for (const c of list) {
      const made = createCustomer(c, '', ctx(), []);
      if (!made.ok) throw new Error(`seed customer refused: ${JSON.stringify(made.problems)}`);
      applyCommand(doc, made.value.command, 'seed');
      ids.push(made.value.id);
    }
  }, 'seed');
  return { doc, ids, customers: list };
}

const KINDS = ['repair', 'repair', 'repair', 'complaint', 'inquiry', 'suggestion', 'praise'] as const;
const CATEGORY: Record<string, string> = { repair: 'water-electric', complaint: 'noise', inquiry: 'fees', suggestion: 'service-attitude', praise: 'service-attitude' };
const TEXTS = ['厨房水龙头漏水，需要上门维修', '楼道灯不亮已经三天', '邻居装修噪音太大，晚上十点后仍在施工', '电梯按钮失灵', '小区绿化带有垃圾未清理', '车位被占用，请协助处理'];
const TEAMS = ['engineering', 'environment', 'security', 'admin'];

/**
 * A year's ledger with `count` requests taken through the domain commands, spread over the
 * year; all but the most recent few percent closed, as in a real office.
 *
 * `month` (`YYYY-MM`): only the requests of that month, as the month room (`ledger-YYYY-MM`)
 * of this build holds them — the same requests, ids and fields as in the whole year, each taken
 * into the month shard its command names. Much cheaper than cutting the year into months
 * (ledger-split.ts), which integrates the whole year once per month.
 * `since` (ms): the requests are spread from then until now instead (a colleague's recent work).
 */
export function ledgerDoc(count: number, year: number, device = 'A', month?: string, since?: number): Y.Doc {
  const doc = new Y.Doc();
  const random = rng(year);
  const settings = defaultServiceSettings();
  const start = since ?? Date.UTC(year, 0, 1);
  const span = Math.min(Date.now(), Date.UTC(year + 1, 0, 1)) - start;
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const kind = KINDS[Math.floor(random() * KINDS.length)];
      const at = new Date(start + (span * i) / count).toISOString();
      const made = takeRequest(
        { kind, category: CATEGORY[kind], urgency: random() < 0.05 ? 'urgent' : 'normal', channel: 'phone', description: TEXTS[Math.floor(random() * TEXTS.length)], customerId: '', customerName: '业主', unitCode: `${1 + Math.floor(random() * 30)}-1-${1 + Math.floor(random() * 25)}01`, phone: '', location: '' },
        `BX-${String(year).slice(2)}01-${device}-${i + 1}`,
        settings,
        { actor: benchActor, now: at },
      );
      if (!made.ok) throw new Error(JSON.stringify(made.problems));
      // Every random draw is made whether or not the request is kept: a month gets the year's requests exactly.
      const keep = month === undefined || made.value.command.shard === `ledger-${month}`;
      if (keep) applyCommand(doc, made.value.command, 'seed');
      const recent = i > count * 0.97;
      const teamId = TEAMS[Math.floor(random() * TEAMS.length)];
      const status = recent ? (['accepted', 'dispatched', 'inProgress', 'done'] as const)[Math.floor(random() * 4)] : 'closed';
      const assigneeId = recent && random() < 0.3 ? benchActor.staffId : '';
      if (keep) applyCommand(doc, { shard: made.value.command.shard, ops: [{ kind: 'set', collection: 'requests', id: made.value.id, fields: { status, teamId, assigneeId } }] }, 'seed');
    }
  }, 'seed');
  return doc;
}
