import { createMemo, Show } from 'solid-js';
import { renderSVG } from 'uqr';
import { paperNumber, type PaperRef } from '../domain/papers/paper';
import { t } from '../i18n';

/** The app address of a record: scanning the paper opens the record on a tablet. */
export function recordUrl(path: string): string {
  return `${location.origin}/${path.replace(/^\//, '')}`;
}

/**
 * Every paper filed (issue 21): the QR code and number of a paper that is not one record's form —
 * scanning opens the paper's page (`/papers/<number>`), where it is marked back and boxed.
 * `RecordForm` takes these as `url`/`number` for a batch where each sheet is its own paper.
 */
export function paperQr(paper: Pick<PaperRef, 'form' | 'ref'>): { url: string; number: string } {
  const number = paperNumber(paper.form, paper.ref);
  return { url: recordUrl(`papers/${number}`), number };
}

/**
 * A QR code for a record, with its number under it. uqr draws plain SVG rectangles from the
 * text we give it (our own URL), so the markup is safe to insert.
 */
export function RecordQr(props: { url: string; number?: string }) {
  const svg = createMemo(() => renderSVG(props.url, { border: 0, ecc: 'M' }));
  return (
    <figure class="record-qr" data-testid="record-qr" data-url={props.url}>
      <div class="qr" role="img" aria-label={t('print.qrHint')} innerHTML={svg()} />
      <figcaption>
        <span>{t('print.qrHint')}</span>
        <Show when={props.number}>
          <span class="record-number" data-testid="record-number">{props.number}</span>
        </Show>
      </figcaption>
    </figure>
  );
}
