import type { CommandContext } from '../domain/actor';
import type { CustomerRow } from '../domain/customers/customer';
import { logContact } from '../domain/customers/contact';
import { addWalkIn as walkInCommand, closeAttendance as closeAttendanceCommand, inviteCustomers, markPresence as presenceCommand, setInvite as inviteCommand, type Invitee } from '../domain/events/attendance';
import {
  addItem as addItemCommand, closeEvent as closeCommand, createEvent as createCommand, decidePlan, editEventText, editItemMinutes, finishAnalysis, finishMinutes,
  markHeld, setPhotos as photosCommand, setTaskDone as taskDoneCommand, submitPlan, updatePlan as updateCommand, type EventText,
} from '../domain/events/lifecycle';
import { eventFromRecord, eventShard, itemFromRecord } from '../domain/events/record';
import type { EventStep } from '../domain/events/steps';
import { requestFromRemark, remarkRequestKind } from '../domain/events/remark-request';
import { addRemark as remarkCommand, handleRemark, setAsideRemark, type RemarkInput } from '../domain/events/remarks';
import type { CommunityEvent, EventKind, EventPlanInput, InviteStatus, Presence, RemarkRow } from '../domain/events/types';
import { combine, type Command } from '../domain/ops';
import { fail, ok, type Result } from '../domain/result';
import type { Office } from './office-api';
import { attendanceOf, candidatesFor, itemsOf, remarksOf, requestStatuses } from './queries/events';
import { myRole, nextNumber } from './requests';
import { serviceSettings } from './queries/settings';
import { runAll } from './run-all';

export async function readEvent(office: Office, id: string): Promise<CommunityEvent | null> {
  const row = await office.db.events.get(id);
  if (!row) return null;
  const record = await office.read(eventShard(row), 'events', id);
  return record ? eventFromRecord(id, record) : null;
}

async function withEvent<T>(office: Office, id: string, build: (e: CommunityEvent, ctx: CommandContext) => Promise<Result<T>> | Result<T>): Promise<Result<T>> {
  const e = await readEvent(office, id);
  if (!e) return fail({ code: 'error.notFound' });
  return build(e, office.context());
}

/** Runs a command that may be "nothing to do" (null). */
async function runMaybe(office: Office, made: Result<Command | null>): Promise<Result<void>> {
  if (!made.ok) return made;
  return made.value ? office.run(made.value) : ok(undefined);
}

export async function createEvent(office: Office, kind: EventKind, input: EventPlanInput): Promise<Result<string>> {
  const made = createCommand(kind, input, office.context());
  if (!made.ok) return made;
  const saved = await office.run(made.value.command);
  return saved.ok ? ok(made.value.id) : saved;
}

export const updatePlan = (office: Office, id: string, input: EventPlanInput) => withEvent(office, id, (e, ctx) => runMaybe(office, updateCommand(e, input, ctx)));

export const submitForApproval = (office: Office, id: string) =>
  withEvent(office, id, async (e, ctx) => runMaybe(office, submitPlan(e, (await itemsOf(office.db, id)).filter((i) => i.kind === 'agenda').length, ctx)));

export const decide = (office: Office, id: string, approve: boolean, comment: string) =>
  withEvent(office, id, async (e, ctx) => runMaybe(office, decidePlan(e, { approve, comment }, await myRole(office), ctx)));

export type { EventStep };

export const runEventStep = (office: Office, id: string, which: EventStep) =>
  withEvent(office, id, async (e, ctx) => {
    if (which === 'held') return runMaybe(office, markHeld(e, ctx));
    if (which === 'minutes') return runMaybe(office, finishMinutes(e, ctx));
    if (which === 'analysis') return runMaybe(office, finishAnalysis(e, ctx));
    const remarks = await remarksOf(office.db, id);
    const statuses = await requestStatuses(office.db, remarks);
    return runMaybe(office, closeCommand(e, remarks, (rid) => statuses.get(rid)?.status, ctx));
  });

/** `base`: the editor's text before the keystroke (see the `text` op). */
export const editText = (office: Office, id: string, field: EventText, value: string, base?: string) => withEvent(office, id, (e, ctx) => runMaybe(office, editEventText(e, field, value, ctx, base)));

export const setPhotos = (office: Office, id: string, photos: string) => withEvent(office, id, (e, ctx) => runMaybe(office, photosCommand(e, photos, ctx)));

export const addItem = (office: Office, id: string, kind: 'agenda' | 'task', title: string, ownerId = '') =>
  withEvent(office, id, async (e, ctx) => {
    const items = await itemsOf(office.db, id);
    const made = addItemCommand(e, kind, title, items.reduce((m, i) => Math.max(m, i.order), 0) + 1, ownerId, ctx);
    return made.ok ? office.run(made.value.command) : made;
  });

async function readItem(office: Office, e: CommunityEvent, itemId: string) {
  const record = await office.read(eventShard(e), 'eventItems', itemId);
  return record ? itemFromRecord(itemId, record) : null;
}

export const editMinutes = (office: Office, id: string, itemId: string, value: string, base?: string) =>
  withEvent(office, id, async (e, ctx) => {
    const item = await readItem(office, e, itemId);
    return item ? runMaybe(office, editItemMinutes(e, item, value, ctx, base)) : fail({ code: 'error.notFound' });
  });

export const setTaskDone = (office: Office, id: string, itemId: string, done: boolean) =>
  withEvent(office, id, async (e, ctx) => {
    const item = await readItem(office, e, itemId);
    return item ? runMaybe(office, taskDoneCommand(e, item, done, ctx)) : fail({ code: 'error.notFound' });
  });

const invitee = (c: CustomerRow): Invitee => ({ customerId: c.id, name: c.name, unitCode: c.unitCode, kind: c.kind, tags: c.tags });

/** Invites every household of the plan's groups not invited yet; returns how many. */
export const inviteGroups = (office: Office, id: string) =>
  withEvent(office, id, async (e, ctx) => {
    const made = inviteCustomers(e, (await candidatesFor(office.db, e.groups)).map(invitee), await attendanceOf(office.db, id), ctx);
    if (!made.ok) return made;
    const saved = await office.run(made.value.command);
    return saved.ok ? ok(made.value.count) : saved;
  });

export const inviteOne = (office: Office, id: string, c: CustomerRow) =>
  withEvent(office, id, async (e, ctx) => {
    const made = inviteCustomers(e, [invitee(c)], await attendanceOf(office.db, id), ctx);
    return made.ok ? office.run(made.value.command) : made;
  });

/**
 * 已确认 / 已谢绝 after a call: the answer on the invitation, and the call in the customer's
 * contact log (one customer, one history) — one command when both are in the same ledger.
 */
export const setInvite = (office: Office, id: string, attendanceId: string, invite: InviteStatus, callSummary?: string) =>
  withEvent(office, id, async (e, ctx) => {
    const row = await office.db.attendance.get(attendanceId);
    if (!row) return fail({ code: 'error.notFound' });
    const made = inviteCommand(e, row, invite, ctx);
    if (!made.ok || !made.value) return runMaybe(office, made);
    if (!callSummary) return office.run(made.value);
    const call = logContact({ customerId: row.customerId, unitCode: row.unitCode, channel: 'phone', summary: callSummary }, ctx);
    if (!call.ok) return call;
    return runAll(office, combine(made.value, call.value.command));
  });

export const markPresence = (office: Office, id: string, attendanceId: string, presence: Exclude<Presence, ''>, proxyName = '') =>
  withEvent(office, id, async (e, ctx) => {
    const row = await office.db.attendance.get(attendanceId);
    return row ? runMaybe(office, presenceCommand(e, row, presence, ctx, proxyName)) : fail({ code: 'error.notFound' });
  });

export const addWalkIn = (office: Office, id: string, c: CustomerRow) =>
  withEvent(office, id, async (e, ctx) => {
    const made = walkInCommand(e, invitee(c), await attendanceOf(office.db, id), ctx);
    return made.ok ? office.run(made.value.command) : made;
  });

export const closeAttendance = (office: Office, id: string) => withEvent(office, id, (e, ctx) => runMaybe(office, closeAttendanceCommand(e, ctx)));

export const addRemark = (office: Office, id: string, input: RemarkInput) =>
  withEvent(office, id, async (e, ctx) => {
    const made = remarkCommand(e, input, ctx);
    return made.ok ? office.run(made.value.command) : made;
  });

async function readRemark(office: Office, remarkId: string): Promise<RemarkRow | null> {
  return (await office.db.remarks.get(remarkId)) ?? null;
}

/** One tap: the remark becomes a service request (the domain's `requestFromRemark`), with a number drawn for its kind. */
export const remarkToRequest = (office: Office, id: string, remarkId: string) =>
  withEvent(office, id, async (e, ctx) => {
    const remark = await readRemark(office, remarkId);
    if (!remark) return fail({ code: 'error.notFound' });
    const settings = await serviceSettings(office.db);
    const plan = remarkRequestKind(remark, settings);
    if (!plan.ok) return plan;
    const number = await nextNumber(office, plan.value.kind, new Date(ctx.now), settings);
    const phone = remark.customerId ? ((await office.db.customers.get(remark.customerId))?.phones[0] ?? '') : '';
    const made = requestFromRemark(e, remark, { settings, number, phone }, ctx);
    if (!made.ok) return made;
    const saved = await runAll(office, made.value.commands);
    return saved.ok ? ok({ id: made.value.id, number }) : saved;
  });

export const markRemarkHandled = (office: Office, id: string, remarkId: string) =>
  withEvent(office, id, async (e, ctx) => {
    const r = await readRemark(office, remarkId);
    return r ? runMaybe(office, handleRemark(e, r, ctx)) : fail({ code: 'error.notFound' });
  });

export const setRemarkAside = (office: Office, id: string, remarkId: string, reason: string) =>
  withEvent(office, id, async (e, ctx) => {
    const r = await readRemark(office, remarkId);
    return r ? runMaybe(office, setAsideRemark(e, r, reason, ctx)) : fail({ code: 'error.notFound' });
  });
