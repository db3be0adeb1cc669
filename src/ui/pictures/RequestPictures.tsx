import { For, Show } from 'solid-js';
import { notOnRelay, picturesOf, PICTURE_STAGES } from '../../domain/attachments/picture';
import type { ServiceRequest } from '../../domain/requests/types';
import { t } from '../../i18n';
import type { Office, PlainRecord } from '../../store/office-api';
import { blobStates } from '../../store/queries/blobs';
import { papersOf } from '../../store/queries/papers';
import { createLive } from '../../shared/bindings/live';
import { PictureStrip } from './PictureStrip';

/** A request's photos by stage: what the resident sent (受理时), before and after the work (by the team then). */
export function RequestPictures(props: { office: Office; req: ServiceRequest; record: PlainRecord | null | undefined; teamName: string }) {
  return (
    <section class="card" aria-labelledby="req-pictures-title" data-testid="request-pictures">
      <h2 id="req-pictures-title">{t('picture.strip')}</h2>
      <For each={PICTURE_STAGES}>
        {(stage) => (
          <PictureStrip office={props.office} collection="requests" id={props.req.id} record={props.record} stage={stage}
            title={t(`picture.stageTitle.${stage}`)} team={stage === 'intake' ? undefined : props.teamName || undefined} readOnly={props.req.status === 'closed'} />
        )}
      </For>
    </section>
  );
}

/**
 * Shown in the 关闭 form: the request's photos and its paper's scans that have not reached the
 * relay yet (only on this tablet). Closing is still allowed — the outbox sends them when online —
 * but staff are told before a tablet with the only copy leaves the desk.
 */
export function UnsentPicturesWarning(props: { office: Office; requestId: string; record: PlainRecord | null | undefined }) {
  const papers = createLive(() => props.requestId, (id) => papersOf(props.office.db, `requests/${id}`), []);
  const shas = () => [...picturesOf(props.record).map((p) => p.sha256), ...papers().flatMap((p) => p.scans ?? [])].join(',');
  const states = createLive(shas, (s) => blobStates(props.office.db, s ? s.split(',') : []), {} as Record<string, string>);
  const unsent = () => {
    const all = shas() ? shas().split(',') : [];
    return notOnRelay(all.map((sha256) => ({ sha256 }) as never), states()).length;
  };
  return (
    <Show when={unsent()}>
      <p class="warning" role="alert" data-testid="unsent-pictures">{t('picture.closeWarn', { n: unsent() })}</p>
    </Show>
  );
}
