import { useNavigate } from '@solidjs/router';
import { createSignal, onCleanup, Show } from 'solid-js';
import { t } from '../../i18n';
import { EventsNav } from '../events/EventsNav';
import '../events/events.css';
import { decodeFromImage, detectorFor, type QrReader } from './qr-decode';
import type { Office } from '../../store/office-api';
// Pictures (issue 19): the photo of the signed form is kept as its scan
import { fail, ok, type Result } from '../../domain/result';
import { scanPaper } from '../../store/pictures/actions';
import { createAction } from '../common/FormShell';
import { Problems } from '../common/Problems';

/** A code 扫码 cannot use: its reason, said in the person's language by `Problems`. */
const refused = (code: 'scan.noCamera' | 'scan.noCode' | 'scan.notOurs') => fail<never>({ code });

/**
 * 扫码: reads a printed form's QR code — with the tablet's camera, or from a photo of the paper —
 * and opens the record it names, where the signed paper is marked received and filed.
 */
export function ScanPage(props: { office: Office }) {
  const navigate = useNavigate();
  // What is going on (正在识别…, the scan kept) in a status line; why it did not work in the
  // action's reasons (role=alert), as on every other page.
  const [message, setMessage] = createSignal('');
  const action = createAction();
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

  /** This app's address in a code, or why not: a code from elsewhere is named, never followed. */
  const ours = (text: string): Result<URL> => {
    try {
      const url = new URL(text, location.origin);
      return url.origin === location.origin ? ok(url) : refused('scan.notOurs');
    } catch {
      return refused('scan.notOurs');
    }
  };
  const open = (text: string): Result<void> => {
    const url = ours(text);
    if (!url.ok) return url;
    stop();
    navigate(url.value.pathname + url.value.search);
    return ok(undefined);
  };

  const startCamera = () =>
    action.run(async () => {
      setMessage('');
      if (!navigator.mediaDevices?.getUserMedia) return refused('scan.noCamera');
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      } catch {
        return refused('scan.noCamera');
      }
      video.srcObject = stream;
      await video.play();
      setScanning(true);
      const reader: QrReader = await detectorFor();
      // Scanning goes on after the start: a code from elsewhere is said and the camera keeps looking.
      const tick = async () => {
        if (!stream) return;
        const found = await reader(video).catch(() => null);
        if (found) {
          const opened = open(found);
          action.setProblems(opened.ok ? [] : opened.problems);
          if (opened.ok) return;
        }
        timer = window.setTimeout(tick, 250);
      };
      void tick();
      return ok(undefined);
    });

  /** A chosen photo's QR code read (正在识别…) under the action's guard, then `then` with it; no code is a reason. */
  const fromPhoto = (then: (code: string, file: File) => Result<void> | Promise<Result<void>>) => (file: File | undefined) =>
    file &&
    action.run(async () => {
      setMessage(t('scan.reading'));
      const found = await decodeFromImage(file).catch(() => null);
      setMessage('');
      return found ? then(found, file) : refused('scan.noCode');
    });

  const fromFile = fromPhoto(open);

  /**
   * 拍签回的表格: one photo does both — the QR in it names the form and the record, the photo is
   * kept as that paper's scan and the paper is marked 已签回 (one command), then the record opens.
   */
  const signedPhoto = fromPhoto(async (found, file) => {
    const url = ours(found);
    if (!url.ok) return url;
    const form = url.value.searchParams.get('paper');
    if (!form) return refused('scan.notOurs');
    setMessage(t('scan.saving'));
    const saved = await scanPaper(props.office, form, url.value.pathname.replace(/^\//, ''), file);
    if (!saved.ok) {
      setMessage('');
      return saved;
    }
    setMessage(t('scan.kept', { form: t(`paperform.${form}` as 'paperform.sign-in') }));
    navigate(url.value.pathname + url.value.search);
    return ok(undefined);
  });

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
        <Problems problems={action.problems()} />
      </section>
    </main>
  );
}
