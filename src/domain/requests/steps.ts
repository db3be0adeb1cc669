import type { ComplaintState } from './complaint';
import { needsSatisfiedFollowUp, type ServiceRequest } from './types';

/** The steps of the ordinary request path a staff member can take on the request page. */
export type Step = 'answer' | 'dispatch' | 'reassign' | 'start' | 'complete' | 'reportBack' | 'followUp' | 'close' | 'reopen' | 'wait' | 'resume' | 'handOver';

/**
 * The steps that make sense for the request as it is now, the most likely first: the page shows
 * the first one open and the rest behind 更多操作. One home for "what can be done now" — the
 * domain commands refuse the same steps in other states.
 */
export function allowedSteps(req: Pick<ServiceRequest, 'kind' | 'status' | 'waitingSince' | 'reportedBackAt' | 'lastSatisfaction'>): Step[] {
  const answerable = req.kind === 'inquiry' || req.kind === 'suggestion' || req.kind === 'praise';
  const waitOrResume: Step[] = req.waitingSince ? ['resume'] : ['wait'];
  const first = (steps: Step[]): Step[] => (req.waitingSince ? ['resume', ...steps.filter((s) => s !== 'resume')] : steps);
  switch (req.status) {
    case 'accepted':
      return first(answerable ? ['answer', 'dispatch', ...waitOrResume, 'handOver', 'close'] : ['dispatch', ...waitOrResume, 'handOver', 'close']);
    case 'dispatched':
      return first([...(answerable ? ['answer' as const] : []), 'start', 'complete', 'reassign', 'reportBack', ...waitOrResume, 'handOver', 'close']);
    case 'inProgress':
      return first([...(answerable ? ['answer' as const] : []), 'complete', 'reportBack', 'reassign', ...waitOrResume, 'handOver', 'close']);
    case 'done': {
      const steps: Step[] = req.reportedBackAt ? ['followUp', 'reportBack'] : ['reportBack', 'followUp'];
      return [...steps, 'reopen', ...(needsSatisfiedFollowUp(req.kind) ? [] : ['close' as const]), 'handOver', ...(needsSatisfiedFollowUp(req.kind) ? ['close' as const] : [])];
    }
    case 'followUp':
      return req.lastSatisfaction >= 4 || !needsSatisfiedFollowUp(req.kind) ? ['close', 'followUp', 'reopen', 'reportBack', 'handOver'] : ['followUp', 'reopen', 'reportBack', 'handOver', 'close'];
    case 'closed':
      return ['reopen'];
  }
}

/** The steps of the complaint path (投诉处理) on the request page. */
export type ComplaintStep = 'investigate' | 'propose' | 'decide' | 'negotiate' | 'signAgreement' | 'addTask' | 'corrective';

/**
 * The complaint steps that make sense at the complaint's stage, the most likely first (the
 * page shows it open, the rest behind 更多操作). Re-investigating and corrective actions stay
 * available once there is an investigation; a closed complaint keeps only a (late) corrective action.
 */
export function allowedComplaintSteps(req: Pick<ServiceRequest, 'status' | 'investigation'>, state: Pick<ComplaintState, 'stage' | 'proposals'>): ComplaintStep[] {
  if (req.status === 'closed') return req.investigation ? ['corrective'] : [];
  const pending = state.proposals.some((p) => p.status === 'pending');
  const later: ComplaintStep[] = req.investigation ? ['investigate', 'corrective'] : [];
  switch (state.stage) {
    case 'registered':
      return ['investigate'];
    case 'investigated':
    case 'rejected':
      return pending ? ['decide', ...later] : ['propose', ...later];
    case 'awaitingApproval':
      return ['decide', ...later];
    case 'approved':
      return ['negotiate', ...later];
    case 'agreed':
      return ['signAgreement', ...later];
    case 'signed':
      return ['addTask', 'corrective', 'investigate'];
  }
}
