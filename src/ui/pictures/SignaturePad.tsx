import { createSignal, For, onMount, Show } from 'solid-js';
import { signatureOf, type SignaturePurpose } from '../../domain/attachments/picture';
import { signaturePurposesFor } from '../../domain/attachments/signed-what';
import { LIMITS } from '../../domain/limits';
import { fail } from '../../domain/result';
import type { ServiceRequest } from '../../domain/requests/types';
import { formatDateTime, t } from '../../i18n';
import type { Office, PlainRecord } from '../../store/office-api';
import { signRequest } from '../../store/pictures/actions';
import { BlobImage } from '../../shared/pictures/BlobImage';
import { createSave, FormShell } from '../common/FormShell';

/**
 * 住户签名 on the tablet: for a completed repair (服务确认) or a complaint's settlement, the
 * resident signs with a finger or pen on a canvas (pointer events: touch, pen and mouse alike),
 * and the strokes are kept as a small PNG picture with who signed, when and what the request
 * said then. The latest signature of each purpose shows here and in its box on the printed form.
 */
export function SignatureCard(props: { office: Office; req: ServiceRequest; record: PlainRecord | null | undefined }) {
  const purposes = () => signaturePurposesFor(props.req);
  return (
    <Show when={purposes().length}>
      <section class="card" aria-labelledby="signature-title" data-testid="signature-card">
        <h2 id="signature-title">{t('signature.title')}</h2>
        <For each={purposes()}>{(purpose) => <SignatureLine office={props.office} req={props.req} record={props.record} purpose={purpose} />}</For>
      </section>
    </Show>
  );
}

function SignatureLine(props: { office: Office; req: ServiceRequest; record: PlainRecord | null | undefined; purpose: SignaturePurpose }) {
  const [signing, setSigning] = createSignal(false);
  const signed = () => signatureOf(props.record, props.purpose);
  const name = () => t(`signature.purpose.${props.purpose}` as 'signature.purpose.serviceConfirm');
  return (
    <div class="signature-line" data-testid="signature-line" data-purpose={props.purpose}>
      <h3>{name()}</h3>
      <Show when={signed()}>
        {(s) => (
          <div class="signature-shown" data-testid="signature-shown">
            <BlobImage db={props.office.db} sha256={s().sha256} alt={t('signature.image', { signer: s().signer ?? '' })} />
            <span>{t('signature.shown', { signer: s().signer ?? '', when: formatDateTime(s().at) })}</span>
          </div>
        )}
      </Show>
      <Show when={signing()} fallback={<button type="button" onClick={() => setSigning(true)}>{t('signature.start', { purpose: name() })}</button>}>
        <SignaturePad office={props.office} req={props.req} purpose={props.purpose} done={() => setSigning(false)} />
      </Show>
    </div>
  );
}

/** Canvas size of the kept PNG: small (a few KB), enough for a signature box on A4. */
const PAD = { width: 600, height: 200 } as const;

function SignaturePad(props: { office: Office; req: ServiceRequest; purpose: SignaturePurpose; done: () => void }) {
  let canvas!: HTMLCanvasElement;
  let drawn = false;
  const [signer, setSigner] = createSignal(props.req.customerName);
  const ctx = () => canvas.getContext('2d')!;
  onMount(() => {
    canvas.width = PAD.width;
    canvas.height = PAD.height;
    const g = ctx();
    g.lineWidth = 3;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    g.strokeStyle = '#111';
  });
  /** Where the pointer is in canvas pixels (the canvas is drawn at CSS size, kept at 600 × 200). */
  const at = (e: PointerEvent): [number, number] => {
    const r = canvas.getBoundingClientRect();
    return [((e.clientX - r.left) / r.width) * PAD.width, ((e.clientY - r.top) / r.height) * PAD.height];
  };
  const down = (e: PointerEvent) => {
    e.preventDefault();
    canvas.setPointerCapture(e.pointerId);
    const [x, y] = at(e);
    ctx().beginPath();
    ctx().moveTo(x, y);
  };
  const move = (e: PointerEvent) => {
    if (!canvas.hasPointerCapture(e.pointerId)) return;
    const [x, y] = at(e);
    ctx().lineTo(x, y);
    ctx().stroke();
    drawn = true;
  };
  const up = (e: PointerEvent) => {
    if (canvas.hasPointerCapture(e.pointerId)) canvas.releasePointerCapture(e.pointerId);
  };
  const clear = () => {
    ctx().clearRect(0, 0, PAD.width, PAD.height);
    drawn = false;
  };
  const save = createSave(async () => {
    if (!drawn) return fail({ code: 'signature.empty' });
    const png = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/png'));
    if (!png) return fail({ code: 'picture.error.notStored' });
    return signRequest(props.office, props.req.id, png, PAD, signer(), props.purpose);
  }, () => props.done());
  return (
    <FormShell save={save} submit={t('signature.save')} onCancel={props.done} class="signature-pad" aria-label={t('signature.start', { purpose: t(`signature.purpose.${props.purpose}` as 'signature.purpose.serviceConfirm') })} data-testid="signature-pad">
      <label>
        {t('signature.signer')}
        <input name="signer" value={signer()} maxLength={LIMITS.name} onInput={(e) => setSigner(e.currentTarget.value)} />
      </label>
      <canvas ref={canvas} role="img" aria-label={t('signature.pad')} data-testid="signature-canvas" onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerCancel={up} />
      <div class="actions start"><button type="button" onClick={clear}>{t('signature.clear')}</button></div>
    </FormShell>
  );
}
