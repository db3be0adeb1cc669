import { createSignal } from 'solid-js';
import { t } from '../../i18n';
import { tabletBackup } from '../../store/backup';
import type { Office } from '../../store/office-api';
import { download } from '../import/labels';

/** Downloads this tablet's whole copy of the office as a backup file (no tokens). */
export function BackupButton(props: { office: Office; label: string }) {
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal('');
  const [lacking, setLacking] = createSignal('');
  const save = async () => {
    setBusy(true);
    try {
      const { bytes, fileName, missingBlobs } = await tabletBackup(props.office);
      download(bytes, fileName, 'application/gzip');
      setDone(t('devices.backupReady', { file: fileName }));
      // Attachments: the backup's check of referenced pictures, said in the person's words.
      setLacking(missingBlobs.length ? t('blobs.backupMissing', { n: String(missingBlobs.length) }) : '');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="backup-button">
      <button type="button" onClick={() => void save()} disabled={busy()}>{props.label}</button>
      <span role="status" class="muted">{done()}</span>
      <span role="status" class="muted">{lacking()}</span>
    </div>
  );
}
