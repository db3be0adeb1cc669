import { useNavigate } from '@solidjs/router';
import { createSignal, onCleanup, Show } from 'solid-js';
import { t } from '../../i18n';
import { EventsNav } from '../events/EventsNav';
import '../events/events.css';
import { decodeFromImage, detectorFor, type QrReader } from './qr-decode';
import type { Office } from '../../store/office-api';
// Pictures (issue 19): the photo of the signed form is kept as its scan
import type { Problem } from '../../domain/result';
import { scanPaper } from '../../store/pictures/actions';
import { Problems } from '../common/Problems';

/**
 * 扫码: reads a printed form's QR code — with the tablet's camera, or from a photo of the paper —
 * and opens the record it names, where the signed paper is marked received and filed.
 */
export function ScanPage(props: { office: Office }) {
  const navigate = useNavigate();
  const [message, setMessage] = createSignal('');
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [scanning, setScanning] = createSignal(false);
  let video!: HTMLVideoElement;
  let stream: MediaStream | null = null;
  let timer = 0;
  const stop = () => {
    window.clearTimeout(timer);
    stream?.getTracks().forEach((tr) => tr.stop());
    stream = null;
    setScanning(false);
  };
  onCleanup(stop);

  /** Only addresses of this app open: a code from elsewhere is named, never followed. */
  const open = (text: string): boolean => {
    let url: URL;
    try {
      url = new URL(text, location.origin);
    } catch {
      setMessage(t('scan.notOurs'));
      return false;
    }
    if (url.origin !== location.origin) {
      setMessage(t('scan.notOurs'));
      return false;
    }
    stop();
    navigate(url.pathname + url.search);
    return true;
  };

  const startCamera = async () => {
    setMessage('');
    if (!navigator.mediaDevices?.getUserMedia) return setMessage(t('scan.noCamera'));
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch {
      return setMessage(t('scan.noCamera'));
    }
    video.srcObject = stream;
    await video.play();
    setScanning(true);
    const reader: QrReader = await detectorFor();
    const tick = async () => {
      if (!stream) return;
      const found = await reader(video).catch(() => null);
      if (found && open(found)) return;
      timer = window.setTimeout(tick, 250);
    };
    void tick();
  };

  const fromFile = async (file: File | undefined) => {
    if (!file) return;
    setMessage(t('scan.reading'));
    const found = await decodeFromImage(file).catch(() => null);
    if (!found) return setMessage(t('scan.noCode'));
    open(found);
  };

  /**
   * 拍签回的表格: one photo does both — the QR in it names the form and the record, the photo is
   * kept as that paper's scan and the paper is marked 已签回 (one command), then the record opens.
   */
  const signedPhoto = async (file: File | undefined) => {
    if (!file) return;
    setProblems([]);
    setMessage(t('scan.reading'));
    const found = await decodeFromImage(file).catch(() => null);
    if (!found) return setMessage(t('scan.noCode'));
    let url: URL;
    try {
      url = new URL(found, location.origin);
    } catch {
      return setMessage(t('scan.notOurs'));
    }
    const form = url.searchParams.get('paper');
    if (url.origin !== location.origin || !form) return setMessage(t('scan.notOurs'));
    setMessage(t('scan.saving'));
    const saved = await scanPaper(props.office, form, url.pathname.replace(/^\//, ''), file);
    if (!saved.ok) {
      setMessage('');
      return setProblems(saved.problems);
    }
    setMessage(t('scan.kept', { form: t(`paperform.${form}` as 'paperform.sign-in') }));
    navigate(url.pathname + url.search);
  };

  return (
    <main class="page">
      <div class="page-head"><h1>{t('scan.title')}</h1></div>
      <EventsNav />
      <section class="card scan">
        <p>{t('scan.intro')}</p>
        <div class="actions start">
          <Show when={!scanning()} fallback={<button type="button" onClick={stop}>{t('scan.stop')}</button>}>
            <button type="button" class="primary" onClick={() => void startCamera()}>{t('scan.camera')}</button>
          </Show>
          <label class="button file-button">
            {t('scan.photo')}
            <input type="file" accept="image/*" capture="environment" name="photo" class="visually-hidden" onChange={(e) => void fromFile(e.currentTarget.files?.[0])} />
          </label>
          <label class="button file-button">
            {t('scan.keepScan')}
            <input type="file" accept="image/*" capture="environment" name="signedPhoto" class="visually-hidden" aria-label={t('scan.keepScan')} onChange={(e) => void signedPhoto(e.currentTarget.files?.[0])} />
          </label>
        </div>
        <video ref={video} class="scan-video" classList={{ hidden: !scanning() }} muted playsinline aria-label={t('scan.cameraView')} />
        <p role="status" data-testid="scan-message">{message()}</p>
        <Problems problems={problems()} />
      </section>
    </main>
  );
}
