import * as Y from 'yjs';
import { createCustomer } from '../../src/domain/customer';
import { createStaff, setOfficeName } from '../../src/domain/staff';
import { createUnit } from '../../src/domain/unit';
import { historyEntry } from '../../src/domain/history';
import { newId } from '../../src/domain/ids';
import { applyCommand } from '../../src/store/apply';
import type { CommandContext } from '../../src/domain/actor';
import { generateCustomers, generateUnits, rng, type GeneratedCustomer } from './generate';

export const benchActor = { staffId: 'bench-staff', name: '王丽', deviceCode: 'A' };
const ctx = (): CommandContext => ({ actor: benchActor, now: new Date().toISOString() });

/** The office shard: the office's name and one manager profile. */
export function officeDoc(name: string): Y.Doc {
  const doc = new Y.Doc();
  const staff = createStaff(benchActor.name, 'manager', { now: new Date().toISOString() }, benchActor.staffId);
  if (!staff.ok) throw new Error('staff');
  applyCommand(doc, staff.value.command, 'seed');
  const named = setOfficeName(name, ctx());
  if (named.ok) applyCommand(doc, named.value, 'seed');
  return doc;
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

const KINDS = ['repair', 'complaint', 'inquiry', 'suggestion', 'praise'];
const STATES = ['accepted', 'dispatched', 'in-progress', 'done', 'followed-up', 'closed'];
const TEXTS = ['厨房水龙头漏水，需要上门维修', '楼道灯不亮已经三天', '邻居装修噪音太大，晚上十点后仍在施工', '电梯按钮失灵', '小区绿化带有垃圾未清理', '车位被占用，请协助处理'];

/** A year's ledger with `count` requests shaped like the office's real records. */
export function ledgerDoc(count: number): Y.Doc {
  const doc = new Y.Doc();
  const random = rng(7);
  const requests = doc.getMap<Y.Map<unknown>>('requests');
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const r = new Y.Map<unknown>();
      requests.set(newId(), r);
      r.set('number', `BX-2611-A-${String(i).padStart(4, '0')}`);
      r.set('kind', KINDS[Math.floor(random() * KINDS.length)]);
      r.set('status', STATES[Math.floor(random() * STATES.length)]);
      r.set('unitCode', `${1 + Math.floor(random() * 30)}-${1 + Math.floor(random() * 2)}-${1 + Math.floor(random() * 25)}01`);
      r.set('createdAt', new Date(Date.UTC(2026, 0, 1) + random() * 3e10).toISOString());
      r.set('description', new Y.Text(TEXTS[Math.floor(random() * TEXTS.length)]));
      const history = new Y.Array<unknown>();
      r.set('history', history);
      history.push([historyEntry(ctx(), 'history.created'), historyEntry(ctx(), 'history.updated')]);
    }
  });
  return doc;
}
