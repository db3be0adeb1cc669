import type { Accessor } from 'solid-js';
import type { Office } from '../../store/office-api';
import { blobRefusals, blobStates } from '../../store/queries/blobs';
import type { StoredBlob } from '../../store/blobs/stored';
import { createLive } from './live';

/**
 * Pictures' states for a page (attachments, issue 19): each name's 'waiting' | 'sending' |
 * 'relay' | 'missing' and, where the relay refused it, why (`blobs.error.<reason>` in i18n).
 * Live: a tablet's upload finishing or a colleague's thumbnail arriving shows at once.
 * Label a state with `t(\`blobs.state.${state}\`)`.
 */
export function createBlobStates(office: Office, shas: Accessor<string[]>): Accessor<{ states: Record<string, StoredBlob['state']>; refused: Record<string, string> }> {
  return createLive(shas, async (names) => ({ states: await blobStates(office.db, names), refused: await blobRefusals(office.db, names) }), { states: {}, refused: {} });
}
