import { checkShard } from '../../domain/moves/renovation';
import type { RenovationCheck } from '../../domain/moves/types';
import { t } from '../../i18n';
import { createRecord } from '../../shared/bindings/record';
import { addFindingPicture } from '../../store/moves-pictures';
import type { Office } from '../../store/office-api';
import { PictureStrip } from '../pictures/PictureStrip';

/**
 * One inspection's photos (moves × pictures), read from its record; a photo added here goes on
 * its rectification request too when it has one (the same reference).
 */
export function CheckPictures(props: { office: Office; check: RenovationCheck; readOnly?: boolean }) {
  const record = createRecord(props.office, checkShard(props.check), 'renovationChecks', props.check.id);
  return (
    <div class="check-pictures">
      <PictureStrip office={props.office} collection="renovationChecks" id={props.check.id} record={record()}
        title={t('reno.checkPhotos', { day: props.check.day })} readOnly={props.readOnly}
        add={(file) => addFindingPicture(props.office, props.check.id, file)} />
    </div>
  );
}
