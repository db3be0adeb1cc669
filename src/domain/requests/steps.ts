import { complaintState, type ComplaintState } from './complaint';
import { isComplaintKind, needsSatisfiedFollowUp, type ServiceRequest } from './types';

/** The steps of the ordinary request path a staff member can take on the request page. */
export type Step = 'answer' | 'dispatch' | 'reassign' | 'start' | 'complete' | 'reportBack' | 'followUp' | 'close' | 'reopen' | 'wait' | 'resume' | 'handOver';

type StepsInput = Pick<ServiceRequest, 'kind' | 'status' | 'waitingSince' | 'reportedBackAt' | 'lastSatisfaction' | 'investigation' | 'history'>;

/** Whether 关闭 is accepted now: satisfied follow-up, a kind that needs none, or a manager with a reason. */
export function closeNeedsReason(req: Pick<ServiceRequest, 'kind' | 'status' | 'lastSatisfaction'>): boolean {
  return needsSatisfiedFollowUp(req.kind) && !(req.status === 'followUp' && req.lastSatisfaction >= 4);
}

/**
 * A complaint's 完工 waits for its settlement: none pending, an approved one signed, every
 * implementation task done, and an investigation first. `completeWork` refuses on the same rule.
 */
export function complaintBlocksCompletion(req: Pick<ServiceRequest, 'kind' | 'investigation'>, state: Pick<ComplaintState, 'proposals' | 'agreementSignedOn' | 'tasks'>): string | null {
  if (!isComplaintKind(req.kind)) return null;
  if (!req.investigation) return 'request.error.investigateFirst';
  if (state.proposals.some((p) => p.status === 'pending')) return 'request.error.proposalPending';
  if (state.proposals.some((p) => p.status === 'approved') && !state.agreementSignedOn) return 'request.error.needsSignedAgreement';
  if (state.tasks.some((t) => !t.done)) return 'request.error.tasksOpen';
  return null;
}

/**
 * The steps the domain accepts for the request as it is now, for this role, the most likely
 * first: the page shows the first one open and the rest behind 更多操作. One home for "what can
 * be done now": a property test (steps.property.test.ts) runs every command in every state it
 * reaches and checks that a step is offered exactly when its command is accepted.
 */
export function allowedSteps(req: StepsInput, role: string): Step[] {
  const answerable = req.kind === 'inquiry' || req.kind === 'suggestion' || req.kind === 'praise';
  const canClose = role === 'manager' || !closeNeedsReason(req);
  const close: Step[] = canClose ? ['close'] : [];
  const pause: Step[] = req.waitingSince ? [] : ['wait'];
  const complete: Step[] = complaintBlocksCompletion(req, complaintState(req.history)) ? [] : ['complete'];
  let steps: Step[];
  switch (req.status) {
    case 'accepted':
      steps = [...(answerable ? ['answer' as const] : []), 'dispatch', ...pause, 'handOver', ...close];
      break;
    case 'dispatched':
      // The team often reports 完工 straight after 派工: it comes first, 开始处理 is optional.
      steps = [...(answerable ? ['answer' as const] : []), ...complete, 'start', 'reassign', ...pause, 'handOver', ...close];
      break;
    case 'inProgress':
      steps = [...(answerable ? ['answer' as const] : []), ...complete, 'reassign', ...pause, 'handOver', ...close];
      break;
    case 'done':
      // After 完工 the 回访 call is the next thing; it usually tells the result too.
      steps = ['followUp', 'reportBack', 'reopen', 'handOver', ...close];
      break;
    case 'followUp':
      steps = req.lastSatisfaction >= 4 || !needsSatisfiedFollowUp(req.kind)
        ? [...close, 'followUp', 'reopen', 'reportBack', 'handOver']
        : ['followUp', 'reopen', 'reportBack', 'handOver', ...close];
      break;
    case 'closed':
      steps = ['reopen'];
      break;
  }
  return req.waitingSince && req.status !== 'closed' ? ['resume', ...steps] : steps;
}

/** The steps of the complaint path (投诉处理) on the request page. */
export type ComplaintStep = 'investigate' | 'propose' | 'decide' | 'negotiate' | 'signAgreement' | 'addTask' | 'corrective';

/**
 * The complaint steps the domain accepts at the complaint's stage, for this role, the most
 * likely first (the page shows it open, the rest behind 更多操作). Re-investigating and corrective
 * actions stay available once there is an investigation; a closed complaint keeps only a (late)
 * corrective action. Only a manager is offered 审批; others see that it waits for one.
 */
export function allowedComplaintSteps(req: Pick<ServiceRequest, 'kind' | 'status' | 'investigation' | 'history'>, role: string): ComplaintStep[] {
  if (!isComplaintKind(req.kind)) return [];
  const later: ComplaintStep[] = req.investigation ? ['investigate', 'corrective'] : [];
  if (req.status === 'closed') return req.investigation ? ['corrective'] : [];
  const state = complaintState(req.history);
  const pending = state.proposals.some((p) => p.status === 'pending');
  const decide: ComplaintStep[] = pending && role === 'manager' ? ['decide'] : [];
  switch (state.stage) {
    case 'registered':
      return ['investigate', ...decide];
    case 'investigated':
    case 'rejected':
      return pending ? [...decide, ...later] : ['propose', ...later];
    case 'awaitingApproval':
      return [...decide, ...later];
    case 'approved':
      // Signing the agreement says the customer agreed: 客户同意 is not a separate step before it.
      return ['signAgreement', 'negotiate', ...decide, ...later];
    case 'agreed':
      return ['signAgreement', 'negotiate', ...decide, ...later];
    case 'signed':
      return ['addTask', ...decide, 'corrective', 'investigate'];
  }
}
