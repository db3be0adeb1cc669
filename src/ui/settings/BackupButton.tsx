import { createSignal } from 'solid-js';
import { ok } from '../../domain/result';
import { t } from '../../i18n';
import { createAction } from '../common/FormShell';
import { tabletBackup } from '../../store/backup';
import type { Office } from '../../store/office-api';
import { download } from '../import/labels';

/** Downloads this tablet's whole copy of the office as a backup file (no tokens). */
export function BackupButton(props: { office: Office; label: string }) {
  const action = createAction();
  const [done, setDone] = createSignal('');
  const [lacking, setLacking] = createSignal('');
  const save = () => action.run(async () => ok(await tabletBackup(props.office)), ({ bytes, fileName, missingBlobs }) => {
    download(bytes, fileName, 'application/gzip');
    setDone(t('devices.backupReady', { file: fileName }));
    // Attachments: the backup's check of referenced pictures, said in the person's words.
    setLacking(missingBlobs.length ? t('blobs.backupMissing', { n: String(missingBlobs.length) }) : '');
  });
  return (
    <div class="backup-button">
      <button type="button" onClick={() => void save()} disabled={action.busy()}>{props.label}</button>
      <span role="status" class="muted">{done()}</span>
      <span role="status" class="muted">{lacking()}</span>
    </div>
  );
}
