import { useNavigate } from '@solidjs/router';
import { createSignal, onCleanup, Show } from 'solid-js';
import { t } from '../../i18n';
import { EventsNav } from '../events/EventsNav';
import '../events/events.css';
import { decodeFromImage, detectorFor, type QrReader } from './qr-decode';

/**
 * 扫码: reads a printed form's QR code — with the tablet's camera, or from a photo of the paper —
 * and opens the record it names, where the signed paper is marked received and filed.
 */
export function ScanPage() {
  const navigate = useNavigate();
  const [message, setMessage] = createSignal('');
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
        </div>
        <video ref={video} class="scan-video" classList={{ hidden: !scanning() }} muted playsinline aria-label={t('scan.cameraView')} />
        <p role="status" data-testid="scan-message">{message()}</p>
      </section>
    </main>
  );
}
