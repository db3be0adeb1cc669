import { For } from 'solid-js';
import type { Handover } from '../../domain/moves/types';
import { t } from '../../i18n';
import { addDefectPicture } from '../../store/moves-pictures';
import type { Office, PlainRecord } from '../../store/office-api';
import { PictureStrip } from '../pictures/PictureStrip';

/**
 * A handover's defects with their photos (moves × pictures): one strip per defect, reading the
 * handover's pictures marked with that defect; a photo added here goes on the defect's warranty
 * request too (the same reference), where the team sees it at 受理时.
 */
export function DefectPictures(props: { office: Office; handover: Handover; record: PlainRecord | null | undefined }) {
  return (
    <section class="card" aria-labelledby="defect-pictures-title" data-testid="defect-pictures">
      <h2 id="defect-pictures-title">{t('moves.defectPhotosTitle')}</h2>
      <p class="muted">{t('moves.photosCarried')}</p>
      <For each={props.handover.defects}>
        {(d, i) => (
          <PictureStrip office={props.office} collection="handovers" id={props.handover.id} record={props.record} item={d.requestId}
            title={t('moves.defectPhotos', { n: i() + 1 })} hint={`${d.text} · ${d.requestNumber}`}
            add={(file) => addDefectPicture(props.office, props.handover.id, d.requestId, file)} />
        )}
      </For>
    </section>
  );
}
