/**
 * The steps the request page offers are exactly the steps the domain accepts: a property test
 * walks random histories of repairs and complaints (every command, by a receptionist or a
 * manager) and, in every state reached, runs every command with valid input. A step offered and
 * refused (完工 while a proposal awaits approval) or accepted but hidden fails the test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import type { Command } from '../ops';
import { plainAfter } from '../plain.fixture';
import type { Result } from '../result';
import { addTask, complaintState, decideSettlement, investigate, negotiate, proposeSettlement, sendCorrectiveAction, signAgreement, completeTask } from './complaint';
import { closeRequest, completeWork, dispatch, handOver, recordFollowUp, reopenRequest, reportBack, resumeWork, startWork, takeRequest, waitOnResident } from './lifecycle';
import { requestFromRecord } from './record';
import { defaultServiceSettings } from './settings';
import { allowedComplaintSteps, allowedSteps, type ComplaintStep, type Step } from './steps';
import type { RequestKind, ServiceRequest } from './types';

const settings = defaultServiceSettings();
let clock = Date.parse('2026-11-23T01:00:00Z');
const ctx = (): CommandContext => {
  clock += 3_600_000;
  return { actor: { staffId: 's1', name: '王丽', deviceCode: 'A' }, now: new Date(clock).toISOString() };
};

/** The request after the command, as a replica reads it (`plainAfter`, then `requestFromRecord`). */
const apply = (req: ServiceRequest, command: Command): ServiceRequest => requestFromRecord(req.id, plainAfter(command, 'requests', req.id, { ...req }));

function fresh(kind: RequestKind): ServiceRequest {
  const category = kind === 'repair' ? 'water-electric' : 'noise';
  const r = takeRequest({ kind, category, urgency: 'normal', channel: 'phone', description: '噪音', customerId: 'c1', customerName: '张伟', unitCode: '3-2-1101', phone: '', location: '' }, 'X-1', settings, ctx(), 'r1');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return requestFromRecord('r1', plainAfter(r, 'requests', 'r1'));
}

type AnyStep = Step | ComplaintStep;
const LIFECYCLE: Step[] = ['dispatch', 'reassign', 'start', 'complete', 'reportBack', 'followUp', 'close', 'reopen', 'wait', 'resume', 'handOver'];
const COMPLAINT: ComplaintStep[] = ['investigate', 'propose', 'decide', 'negotiate', 'signAgreement', 'addTask', 'corrective'];

/** Each step's command with valid input (`variant` picks among outcomes: approve/reject, agreed/revise, satisfaction). */
function run(step: AnyStep | 'taskDone', req: ServiceRequest, role: string, variant: number): Result<Command> {
  const c = ctx();
  const pending = complaintState(req.history).proposals.find((p) => p.status === 'pending');
  switch (step) {
    case 'dispatch':
    case 'reassign': {
      // A reassignment must change something; a first dispatch may keep the rule's team.
      const teamId = req.status === 'accepted' ? (req.teamId || 'engineering') : req.teamId === 'engineering' ? 'customer-service' : 'engineering';
      return dispatch(req, teamId, '', c, { team: teamId, assignee: '' });
    }
    case 'start': return startWork(req, c);
    case 'complete': return completeWork(req, '已处理', false, '', c);
    case 'reportBack': return reportBack(req, '已告知结果', c);
    case 'followUp': return recordFollowUp(req, 'phone', 1 + (variant % 5), '', c);
    case 'close': return closeRequest(req, c, role, role === 'manager' ? '客户已搬走' : '');
    case 'reopen': return reopenRequest(req, '漏水复发', c);
    case 'wait': return waitOnResident(req, '业主不在家', c);
    case 'resume': return resumeWork(req, settings, c);
    case 'handOver': return handOver(req, req.ownerId === 's2' ? 's3' : 's2', '李娜', c);
    case 'investigate': return investigate(req, { facts: '夜间施工', cause: '', responsibility: 'company', severity: 'general' }, c);
    case 'propose': return proposeSettlement(req, '上门致歉', [], c, `p${clock}`);
    case 'decide': return decideSettlement(req, pending?.id ?? 'none', variant % 2 === 0, '理由', role, c);
    case 'negotiate': return negotiate(req, variant % 2 === 0 ? 'agreed' : 'revise', '客户意见', c);
    case 'signAgreement': return signAgreement(req, '2026-11-25', c);
    case 'addTask': return addTask(req, '工程部', '限定施工时间', c, `k${clock}`);
    case 'corrective': return sendCorrectiveAction(req, '工程部', '施工管理', c);
    case 'taskDone': {
      const open = complaintState(req.history).tasks.find((t) => !t.done);
      return completeTask(req, open?.id ?? 'none', c);
    }
    case 'answer': throw new Error('answered from the standard answers, not a command of this list');
  }
}

const offered = (req: ServiceRequest, role: string): AnyStep[] => [...allowedSteps(req, role), ...allowedComplaintSteps(req, role)];

describe('offered steps = accepted steps', () => {
  const walk = fc.record({
    kind: fc.constantFrom<RequestKind>('repair', 'complaint', 'complaint', 'dispute'),
    moves: fc.array(fc.record({ step: fc.constantFrom<AnyStep | 'taskDone'>(...LIFECYCLE, ...COMPLAINT, 'taskDone'), role: fc.constantFrom('reception', 'manager'), variant: fc.nat(9) }), { maxLength: 24 }),
  });

  it('in every state a random history reaches, for a receptionist and a manager', () => {
    fc.assert(fc.property(walk, ({ kind, moves }) => {
      let req = fresh(kind);
      for (const move of moves) {
        for (const role of ['reception', 'manager']) {
          const shown = offered(req, role);
          for (const step of kind === 'repair' ? LIFECYCLE : [...LIFECYCLE, ...COMPLAINT]) {
            const dispatchLike = step === 'dispatch' || step === 'reassign';
            const isShown = dispatchLike ? shown.includes('dispatch') || shown.includes('reassign') : shown.includes(step);
            const accepted = run(step, req, role, move.variant).ok;
            // A plain comparison (not expect) per check: thousands of them per run.
            if (isShown !== accepted) throw new Error(`${role}, ${req.status}/${complaintState(req.history).stage}: ${step} ${isShown ? 'offered but refused' : 'accepted but not offered'}`);
          }
        }
        const r = run(move.step, req, move.role, move.variant);
        if (r.ok) req = apply(req, r.value);
      }
    }), { numRuns: 150, seed: 2211 });
  });
});

describe('the step shown open', () => {
  const walkTo = (kind: RequestKind, steps: [AnyStep | 'taskDone', string, number?][]) => {
    let req = fresh(kind);
    for (const [step, role, variant] of steps) {
      const r = run(step, req, role, variant ?? 0);
      if (!r.ok) throw new Error(`${step}: ${JSON.stringify(r.problems)}`);
      req = apply(req, r.value);
    }
    return req;
  };
  it('a repair: 派工, then 完工登记, then 登记回访, then 关闭 after a satisfied one', () => {
    expect(allowedSteps(walkTo('repair', []), 'reception')[0]).toBe('dispatch');
    expect(allowedSteps(walkTo('repair', [['dispatch', 'reception']]), 'reception')[0]).toBe('complete');
    const done = walkTo('repair', [['dispatch', 'reception'], ['complete', 'reception']]);
    expect(allowedSteps(done, 'reception')[0]).toBe('followUp');
    expect(allowedSteps(done, 'reception')).not.toContain('close');
    const happy = walkTo('repair', [['dispatch', 'reception'], ['complete', 'reception'], ['followUp', 'reception', 4]]);
    expect(allowedSteps(happy, 'reception')[0]).toBe('close');
  });
  it('a complaint awaiting approval offers no 完工 and no 结果反馈; signing follows approval directly', () => {
    const awaiting = walkTo('complaint', [['investigate', 'reception'], ['propose', 'reception']]);
    expect(allowedSteps(awaiting, 'reception')).not.toContain('complete');
    expect(allowedSteps(awaiting, 'reception')).not.toContain('reportBack');
    expect(allowedComplaintSteps(awaiting, 'manager')[0]).toBe('decide');
    expect(allowedComplaintSteps(awaiting, 'reception')).not.toContain('decide');
    const approved = walkTo('complaint', [['investigate', 'reception'], ['propose', 'reception'], ['decide', 'manager', 0]]);
    expect(allowedComplaintSteps(approved, 'reception')[0]).toBe('signAgreement');
    expect(allowedSteps(approved, 'reception')).not.toContain('complete');
    const signed = walkTo('complaint', [['investigate', 'reception'], ['propose', 'reception'], ['decide', 'manager', 0], ['signAgreement', 'reception']]);
    expect(allowedSteps(signed, 'reception')[0]).toBe('complete');
  });
});
