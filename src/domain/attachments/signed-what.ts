import { complaintState } from '../requests/complaint';
import { isComplaintKind, type ServiceRequest } from '../requests/types';
import type { SignaturePurpose } from './types';

/**
 * What the resident's signature confirms, written into the signature at the moment of signing so
 * that a later change of the record cannot change what was signed: the request's number and state,
 * and for 服务确认 the latest work report, for a complaint the settlement agreed. Plain text in the
 * words staff typed; the state is its code (shown translated where it is read).
 */
export function signedWhatOf(req: Pick<ServiceRequest, 'kind' | 'number' | 'history' | 'description'>, purpose: SignaturePurpose): string {
  const last = (action: string) => [...req.history].reverse().find((h) => h.action === action)?.data;
  if (purpose === 'settlement' && isComplaintKind(req.kind)) {
    const approved = complaintState(req.history).proposals.filter((p) => p.status === 'approved').pop();
    return `${req.number} · ${approved?.text ?? ''}`.trim();
  }
  const report = last('request.completed')?.report;
  return `${req.number} · ${typeof report === 'string' ? report : req.description}`.trim();
}

/**
 * Which signatures a request may take now: 服务确认 once the work is done; a complaint's settlement
 * while an approved settlement stands (approved, agreed or signed) — not after 客户要求修改 sent
 * it back, when the last approved text is no longer what is on offer.
 */
export function signaturePurposesFor(req: ServiceRequest): SignaturePurpose[] {
  const out: SignaturePurpose[] = [];
  if (req.status === 'done' || req.status === 'followUp' || req.status === 'closed') out.push('serviceConfirm');
  if (isComplaintKind(req.kind)) {
    const stage = complaintState(req.history).stage;
    if (stage === 'approved' || stage === 'agreed' || stage === 'signed') out.push('settlement');
  }
  return out;
}
