import type { CommandContext } from '../actor';
import { isDay } from '../days';
import type { HistoryEntry } from '../history';
import { historyEntry } from '../history';
import { newId } from '../ids';
import { LIMITS } from '../limits';
import type { Command } from '../ops';
import { fail, ok, type Result } from '../result';
import { shardOf } from './shard';
import {
  isComplaintKind,
  REMEDIES,
  RESPONSIBILITIES,
  SEVERITIES,
  type Investigation,
  type Remedy,
  type ServiceRequest,
} from './types';

export interface Proposal {
  id: string;
  text: string;
  remedies: Remedy[];
  status: 'pending' | 'approved' | 'rejected';
  by: string;
  decidedBy?: string;
  comment?: string;
}

export interface ImplementationTask {
  id: string;
  department: string;
  text: string;
  done: boolean;
}

export type ComplaintStage =
  | 'registered'
  | 'investigated'
  | 'awaitingApproval'
  | 'rejected'
  | 'approved'
  | 'agreed'
  | 'signed';

export interface ComplaintState {
  stage: ComplaintStage;
  proposals: Proposal[];
  rounds: { outcome: 'agreed' | 'revise'; note: string; by: string; at: string }[];
  agreementSignedOn: string;
  tasks: ImplementationTask[];
  corrective: { department: string; action: string; by: string; at: string }[];
}

/**
 * The complaint workflow is a fold over the record's history: every step is an appended
 * entry, so two staff working one complaint at once (one investigating, one negotiating)
 * both keep their steps after merging, in the order the merge gives.
 */
export function complaintState(history: HistoryEntry[]): ComplaintState {
  const s: ComplaintState = { stage: 'registered', proposals: [], rounds: [], agreementSignedOn: '', tasks: [], corrective: [] };
  for (const e of history) {
    const d = e.data ?? {};
    switch (e.action) {
      case 'request.investigated':
        if (s.stage === 'registered') s.stage = 'investigated';
        break;
      case 'request.proposed':
        s.proposals.push({ id: String(d.proposalId), text: String(d.text ?? ''), remedies: (d.remedies as Remedy[]) ?? [], status: 'pending', by: e.byName });
        s.stage = 'awaitingApproval';
        break;
      case 'request.approved':
      case 'request.rejected': {
        const p = s.proposals.find((x) => x.id === d.proposalId);
        if (!p) break;
        p.status = e.action === 'request.approved' ? 'approved' : 'rejected';
        p.decidedBy = e.byName;
        p.comment = String(d.comment ?? '');
        s.stage = p.status === 'approved' ? 'approved' : 'rejected';
        break;
      }
      case 'request.negotiated':
        s.rounds.push({ outcome: d.outcome === 'agreed' ? 'agreed' : 'revise', note: String(d.note ?? ''), by: e.byName, at: e.at });
        s.stage = d.outcome === 'agreed' ? 'agreed' : 'investigated';
        break;
      case 'request.agreementSigned':
        s.agreementSignedOn = String(d.date ?? e.at.slice(0, 10));
        s.stage = 'signed';
        break;
      case 'request.taskAdded':
        s.tasks.push({ id: String(d.taskId), department: String(d.department ?? ''), text: String(d.text ?? ''), done: false });
        break;
      case 'request.taskDone': {
        const task = s.tasks.find((x) => x.id === d.taskId);
        if (task) task.done = true;
        break;
      }
      case 'request.corrective':
        s.corrective.push({ department: String(d.department ?? ''), action: String(d.action ?? ''), by: e.byName, at: e.at });
        break;
    }
  }
  return s;
}

function step(req: ServiceRequest, ctx: CommandContext, action: string, data: HistoryEntry['data'], fields: Record<string, unknown> = {}): Command {
  return {
    shard: shardOf(req),
    ops: [
      { kind: 'set', collection: 'requests', id: req.id, fields: { ...fields, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'requests', id: req.id, entry: historyEntry(ctx, action, undefined, data) },
    ],
  };
}

function openComplaint(req: ServiceRequest): Result<void> {
  if (!isComplaintKind(req.kind)) return fail({ code: 'request.error.notComplaint' });
  if (req.status === 'closed') return fail({ code: 'request.error.closed' });
  return ok(undefined);
}

const tooLong = (text: string) => text.length > LIMITS.note;

export function investigate(req: ServiceRequest, inv: Investigation, ctx: CommandContext): Result<Command> {
  const open = openComplaint(req);
  if (!open.ok) return open;
  const facts = inv.facts.trim();
  if (!facts) return fail({ code: 'request.error.factsRequired', field: 'facts' });
  if (tooLong(facts) || tooLong(inv.cause)) return fail({ code: 'error.tooLong', params: { max: LIMITS.note } });
  if (!RESPONSIBILITIES.includes(inv.responsibility)) return fail({ code: 'request.error.responsibilityRequired', field: 'responsibility' });
  if (!SEVERITIES.includes(inv.severity)) return fail({ code: 'request.error.severityRequired', field: 'severity' });
  const investigation = { facts, cause: inv.cause.trim(), responsibility: inv.responsibility, severity: inv.severity };
  const status = req.status === 'accepted' || req.status === 'dispatched' ? { status: 'inProgress', respondedAt: req.respondedAt || ctx.now } : {};
  return ok(step(req, ctx, 'request.investigated', { responsibility: inv.responsibility, severity: inv.severity, facts }, { investigation, ...status }));
}

export function proposeSettlement(req: ServiceRequest, text: string, remedies: Remedy[], ctx: CommandContext, id = newId()): Result<Command> {
  const open = openComplaint(req);
  if (!open.ok) return open;
  const state = complaintState(req.history);
  if (state.stage === 'registered') return fail({ code: 'request.error.investigateFirst' });
  if (state.stage === 'awaitingApproval' || state.proposals.some((p) => p.status === 'pending')) return fail({ code: 'request.error.proposalPending' });
  if (state.stage === 'signed') return fail({ code: 'request.error.alreadySigned' });
  // An approved settlement is negotiated with the customer first; 客户要求修改 reopens proposing.
  if (state.stage === 'approved' || state.stage === 'agreed') return fail({ code: 'request.error.proposalApproved' });
  const clean = text.trim();
  if (!clean) return fail({ code: 'request.error.proposalRequired', field: 'proposal' });
  if (tooLong(clean)) return fail({ code: 'error.tooLong', params: { max: LIMITS.note } });
  const valid = remedies.filter((r) => REMEDIES.includes(r));
  return ok(step(req, ctx, 'request.proposed', { proposalId: id, text: clean, remedies: valid }));
}

/** Only staff with the manager role decide; the check itself is recorded with the decision. */
export function decideSettlement(req: ServiceRequest, proposalId: string, approve: boolean, comment: string, approverRole: string, ctx: CommandContext): Result<Command> {
  const open = openComplaint(req);
  if (!open.ok) return open;
  if (approverRole !== 'manager') return fail({ code: 'request.error.managerOnly' });
  const proposal = complaintState(req.history).proposals.find((p) => p.id === proposalId);
  if (!proposal) return fail({ code: 'error.notFound' });
  if (proposal.status !== 'pending') return fail({ code: 'request.error.alreadyDecided' });
  if (!approve && !comment.trim()) return fail({ code: 'request.error.rejectReasonRequired', field: 'comment' });
  return ok(step(req, ctx, approve ? 'request.approved' : 'request.rejected', { proposalId, comment: comment.trim(), approverRole }));
}

export function negotiate(req: ServiceRequest, outcome: 'agreed' | 'revise', note: string, ctx: CommandContext): Result<Command> {
  const open = openComplaint(req);
  if (!open.ok) return open;
  const stage = complaintState(req.history).stage;
  if (stage !== 'approved' && stage !== 'agreed') return fail({ code: 'request.error.needsApprovedProposal' });
  if (outcome === 'revise' && !note.trim()) return fail({ code: 'request.error.reviseReasonRequired', field: 'note' });
  return ok(step(req, ctx, 'request.negotiated', { outcome, note: note.trim() }));
}

/**
 * The customer signed the settlement agreement on paper, on this date. Signing is agreeing:
 * it is accepted straight after approval, without a separate 客户同意 round first.
 */
export function signAgreement(req: ServiceRequest, date: string, ctx: CommandContext): Result<Command> {
  const open = openComplaint(req);
  if (!open.ok) return open;
  const stage = complaintState(req.history).stage;
  if (stage !== 'agreed' && stage !== 'approved') return fail({ code: 'request.error.needsAgreement' });
  if (!isDay(date)) return fail({ code: 'request.error.badDate', field: 'date' });
  return ok(step(req, ctx, 'request.agreementSigned', { date }));
}

export function addTask(req: ServiceRequest, department: string, text: string, ctx: CommandContext, id = newId()): Result<Command> {
  const open = openComplaint(req);
  if (!open.ok) return open;
  if (complaintState(req.history).stage !== 'signed') return fail({ code: 'request.error.needsSignedAgreement' });
  if (!department.trim() || !text.trim()) return fail({ code: 'request.error.taskRequired' });
  return ok(step(req, ctx, 'request.taskAdded', { taskId: id, department: department.trim(), text: text.trim() }));
}

export function completeTask(req: ServiceRequest, taskId: string, ctx: CommandContext): Result<Command> {
  const open = openComplaint(req);
  if (!open.ok) return open;
  const task = complaintState(req.history).tasks.find((t) => t.id === taskId);
  if (!task) return fail({ code: 'error.notFound' });
  if (task.done) return fail({ code: 'request.error.taskAlreadyDone' });
  return ok(step(req, ctx, 'request.taskDone', { taskId, department: task.department }));
}

/** 纠正和预防措施: the cause is sent to the department concerned. */
export function sendCorrectiveAction(req: ServiceRequest, department: string, action: string, ctx: CommandContext): Result<Command> {
  if (!isComplaintKind(req.kind)) return fail({ code: 'request.error.notComplaint' });
  if (!req.investigation) return fail({ code: 'request.error.investigateFirst' });
  if (!department.trim() || !action.trim()) return fail({ code: 'request.error.correctiveRequired' });
  return ok(step(req, ctx, 'request.corrective', { department: department.trim(), action: action.trim() }));
}
