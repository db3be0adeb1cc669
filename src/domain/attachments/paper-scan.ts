import type { CommandContext } from '../actor';
import { combine, type Command } from '../ops';
import { markReceived, paperShard, type Paper } from '../papers/paper';
import { fail, ok, type Result } from '../result';
import { attachPicture } from './picture';
import type { EncodedPicture } from './types';

/**
 * 扫码 with a photo of the signed form: the photo is kept as the paper's scan AND the paper is
 * marked 已签回 — one command on the paper's record, so both happen or neither. A paper already
 * back gets its scan only; a paper never printed has no record to hold a scan.
 */
export function scanSignedPaper(paper: Paper | null, record: Record<string, unknown> | null, scan: EncodedPicture, ctx: CommandContext): Result<Command> {
  if (!paper || !paper.printedAt || !record) return fail({ code: 'paper.error.notPrinted' });
  const target = { collection: 'papers' as const, id: paper.id, shard: paperShard(paper, ctx.now) };
  const attached = attachPicture(target, record, { ...scan, kind: 'scan' }, ctx);
  if (!attached.ok) return attached;
  const received = paper.receivedAt ? null : markReceived(paper, '', ctx);
  if (received && !received.ok) return received;
  const [command] = combine(received?.value, attached.value);
  return command ? ok(command) : fail({ code: 'paper.error.alreadyReceived', params: { by: paper.receivedByName } });
}
