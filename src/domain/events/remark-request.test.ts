import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import type { Command } from '../ops';
import type { Result } from '../result';
import { applyToPlain, commandsOf, plainRows, type PlainRecords } from '../plain.fixture';
import { requestFromRecord } from '../requests/record';
import { defaultServiceSettings } from '../requests/settings';
import { addItem, createEvent, decidePlan, markHeld, submitPlan } from './lifecycle';
import { eventFromRecord, projectRemark } from './record';
import { addRemark } from './remarks';
import { remarkRequestKind, requestFromRemark } from './remark-request';
import type { EventPlanInput, RemarkKind } from './types';

const ctx: CommandContext = { actor: { staffId: 's1', name: '陈晨', deviceCode: 'A' }, now: '2026-12-12T03:00:00.000Z' };
const plan: EventPlanInput = {
  title: '2026 年第四季度客户座谈会', purpose: '听取意见', scope: 'comprehensive', topic: '', startsAt: '2026-12-12T09:30', place: '会所二楼会议室',
  form: '座谈', groups: { buildings: ['3'], kinds: [], tags: [] }, budget: '', hostId: 'm1', recorderId: 's1',
};
const settings = defaultServiceSettings();

/** A held seminar with one remark of the kind given. */
function heldWithRemark(kind: RemarkKind, customer = true) {
  const records: PlainRecords = new Map();
  const value = <T>(made: Result<T>): T => {
    applyToPlain(records, made); // throws if refused
    return (made as { value: T }).value;
  };
  const { id } = value<{ id: string }>(createEvent('seminar', plan, ctx));
  const event = () => eventFromRecord(id, records.get(`events/${id}`)!);
  value(addItem(event(), 'agenda', '议程', 1, '', ctx));
  value(submitPlan(event(), 1, ctx));
  value(decidePlan(event(), { approve: true, comment: '' }, 'manager', { ...ctx, actor: { ...ctx.actor, staffId: 'm1' } }));
  value(markHeld(event(), ctx));
  const who = customer ? { customerId: 'c1', customerName: '张伟', unitCode: '3-2-1101' } : { customerId: '', customerName: '', unitCode: '' };
  const { id: remarkId } = value<{ id: string }>(addRemark(event(), { ...who, topic: '停车', kind, text: '外来车辆占用车位' }, ctx));
  const remark = () => plainRows(records, 'remarks').map(([rid, r]) => projectRemark(rid, r)).find((r) => r.id === remarkId)!;
  return { records, event, remark };
}

describe('a remark becomes a service request', () => {
  it('in one command with the remark’s link: the request carries the event and remark ids and says so on its timeline', () => {
    const { records, event, remark } = heldWithRemark('complaint');
    const made = requestFromRemark(event(), remark(), { settings, number: 'TS-2612-A-001', phone: '13812345678' }, ctx, 'q1');
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    expect(made.value.commands).toHaveLength(1);
    expect(made.value.commands[0].shard).toBe('ledger-2026-12');
    applyToPlain(records, made);
    const request = requestFromRecord('q1', records.get('requests/q1')!);
    expect(request).toMatchObject({ number: 'TS-2612-A-001', kind: 'complaint', channel: 'seminar', customerId: 'c1', phone: '13812345678', description: '外来车辆占用车位' });
    expect(records.get('requests/q1')).toMatchObject({ sourceEventId: event().id, remarkId: remark().id });
    expect(request.history.map((h) => h.action)).toEqual(['request.accepted', 'request.fromEvent']);
    expect(request.history[1].data).toEqual({ event: plan.title });
    expect(remark()).toMatchObject({ requestId: 'q1', requestNumber: 'TS-2612-A-001' });
    // A remark already linked is not made twice.
    expect(requestFromRemark(event(), remark(), { settings, number: 'TS-2612-A-002', phone: '' }, ctx)).toMatchObject({ ok: false, problems: [{ code: 'remark.error.alreadyLinked' }] });
  });

  it('in the category its topic is about (停车 → 安全与停车), at the event’s place when nobody is named', () => {
    const { records, event, remark } = heldWithRemark('repair', false);
    const plan = remarkRequestKind(remark(), settings);
    expect(plan.ok && plan.value.category.id).toBe('security-parking');
    applyToPlain(records, requestFromRemark(event(), remark(), { settings, number: 'BX-2612-A-001', phone: '' }, ctx, 'q2'));
    expect(requestFromRecord('q2', records.get('requests/q2')!)).toMatchObject({ kind: 'repair', location: '会所二楼会议室' });
  });

  it('falls back to 其他 when the remark names nothing a category covers', () => {
    const { remark } = heldWithRemark('complaint');
    const vague = { ...remark(), topic: '', text: '希望多听听大家的意见' };
    const plan = remarkRequestKind(vague, settings);
    expect(plan.ok && plan.value.category.id).toBe('other');
  });

  it('refuses a praise, and a kind no category takes, before any number is drawn', () => {
    expect(remarkRequestKind(heldWithRemark('praise').remark(), settings)).toMatchObject({ ok: false, problems: [{ code: 'remark.error.notARequest' }] });
    const none = { ...settings, categories: settings.categories.filter((c) => !c.kinds.includes('suggestion')) };
    expect(remarkRequestKind(heldWithRemark('suggestion').remark(), none)).toMatchObject({ ok: false, problems: [{ code: 'remark.error.noCategory', params: { kind: 'reqkind.suggestion' } }] });
  });

  it('hands back commands nobody can patch: ops and their fields are readonly (checked by tsc, which runs on the tests)', () => {
    const patch = (command: Command) => {
      // @ts-expect-error — a command's ops cannot be pushed to: tsc fails here if they become mutable
      command.ops.push(command.ops[0]);
      const create = command.ops[0];
      // @ts-expect-error — nor an op's fields replaced
      if (create.kind === 'create') create.fields = {};
    };
    const { event, remark } = heldWithRemark('complaint');
    expect(commandsOf(requestFromRemark(event(), remark(), { settings, number: 'TS-2612-A-003', phone: '' }, ctx))).toHaveLength(1);
    expect(patch).toBeTypeOf('function');
  });
});
