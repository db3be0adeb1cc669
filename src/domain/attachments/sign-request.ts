import type { CommandContext } from '../actor';
import type { Day } from '../days';
import { combine, type Command } from '../ops';
import { complaintState, signAgreement } from '../requests/complaint';
import type { ServiceRequest } from '../requests/types';
import { fail, ok, type Result } from '../result';
import { signOnTablet } from './picture';
import { signaturePurposesFor, signedWhatOf } from './signed-what';
import type { EncodedPicture, PictureTarget, SignaturePurpose } from './types';

/**
 * The resident signs a request on the tablet: 服务确认 of a completed repair, or 处理协议确认 of a
 * complaint's approved settlement. What was signed and the state then are taken from the request
 * here, not from the caller, so the page cannot sign something the record does not say.
 *
 * A settlement signed on the tablet IS the signed agreement (the alternative to print → sign →
 * scan): a complaint not yet marked 协议签字 is marked in the same command, on the day of signing,
 * so the agreement and its signature are both recorded or neither (as `scanSignedPaper` keeps the
 * scan and 已签回 together). One already marked from paper keeps its date; the signature is added.
 */
export function signRequestOnTablet(
  target: PictureTarget,
  record: Record<string, unknown> | null,
  req: ServiceRequest | null,
  input: EncodedPicture & { signer: string; purpose: SignaturePurpose },
  day: Day,
  ctx: CommandContext,
): Result<Command> {
  if (!record || !req) return fail({ code: 'picture.error.noRecord' });
  if (!signaturePurposesFor(req).includes(input.purpose)) return fail({ code: 'signature.error.notNow' });
  const signed = signOnTablet(target, record, { ...input, signedWhat: signedWhatOf(req, input.purpose), signedStatus: req.status }, ctx);
  if (!signed.ok) return signed;
  if (input.purpose !== 'settlement' || complaintState(req.history).stage === 'signed') return signed;
  const agreed = signAgreement(req, day, ctx);
  if (!agreed.ok) return agreed;
  const commands = combine(agreed.value, signed.value);
  // One document holds the request: both steps land in one transaction.
  return commands.length === 1 ? ok(commands[0]) : fail({ code: 'picture.error.noRecord' });
}
