import { createMemo, createSignal, For, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { picturesOf, type PictureRef, type PicturedCollection, type PictureStage } from '../../domain/attachments/picture';
import type { Result } from '../../domain/result';
import { formatDateTime, t } from '../../i18n';
import type { Office, PlainRecord } from '../../store/office-api';
import { addPicture } from '../../store/pictures/actions';
import { blobStates } from '../../store/queries/blobs';
import { createLive } from '../../shared/bindings/live';
import { BlobImage } from '../../shared/pictures/BlobImage';
import { createAction } from '../common/FormShell';
import { Problems } from '../common/Problems';
import { addEach } from './add-each';
import { PictureButtons } from './PictureButtons';
import { PictureViewer } from './PictureViewer';
import './pictures.css';

/**
 * A record's pictures of one kind of place (a request's stage, an event, a customer, a unit): the
 * thumbnails with each one's way to the relay (等待发送 / 发送中 / 已上传, from the blob table the
 * outbox drives), 拍照 with the tablet's camera and 从相册选 for what residents sent on WeChat, and
 * a tap to open one large. Choosing several files adds them one after the other.
 */
export function PictureStrip(props: {
  office: Office;
  collection: PicturedCollection;
  id: string;
  record: PlainRecord | null | undefined;
  title: string;
  stage?: PictureStage;
  team?: string;
  readOnly?: boolean;
  /** Only the pictures of this part of the record (a handover's defect: its request's id). */
  item?: string;
  /** Adds a chosen file some other way than onto this record alone (a defect's photo also goes on its request). */
  add?: (file: Blob) => Promise<Result<void>>;
  /** A line under the title (where else the photos go). */
  hint?: string;
  /** The title's heading level: 3 inside a titled card (default), 2 where the strip is a page's own section. */
  level?: 2 | 3;
}) {
  const pictures = () => picturesOf(props.record).filter((p) => p.kind === 'photo' && (props.stage ? p.stage === props.stage : true) && (props.item ? p.item === props.item : true));
  // Listed by name, not by reference object: the record is re-read after every change (each photo
  // added, each state), and a list keyed by the fresh objects made every thumbnail anew — a new
  // image element and decode per picture per change, 50 photos filled the renderer's image cache.
  const byName = createMemo(() => new Map(pictures().map((p) => [p.sha256, p])));
  const names = createMemo(() => [...byName().keys()], undefined, { equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]) });
  const shas = () => names().join(',');
  const states = createLive(shas, (s) => blobStates(props.office.db, s ? s.split(',') : []), {} as Record<string, string>);
  const action = createAction();
  const [open, setOpen] = createSignal<PictureRef | null>(null);
  // The record's id too: a page may show several records' strips (a renovation's inspections).
  const slug = () => `${props.collection}-${props.id}-${props.stage ?? props.item ?? 'all'}`;

  // Every picture is tried; the reasons of those refused are said together.
  const add = addEach(action, (file) =>
    props.add ? props.add(file) : addPicture(props.office, props.collection, props.id, file, { kind: 'photo', ...(props.stage ? { stage: props.stage } : {}), ...(props.team ? { team: props.team } : {}) }));

  return (
    <section class="picture-strip" aria-labelledby={`pictures-${slug()}`} data-testid="picture-strip" data-stage={props.stage ?? ''}>
      <Dynamic component={props.level === 2 ? 'h2' : 'h3'} id={`pictures-${slug()}`}>{props.title}</Dynamic>
      <Show when={props.hint}><p class="muted">{props.hint}</p></Show>
      <ul class="thumbs plain">
        <For each={names()} fallback={<li class="muted">{t('picture.none')}</li>}>
          {(sha) => (
            <Show when={byName().get(sha)}>
              {(p) => {
                const state = () => states()[sha] ?? 'missing';
                const kind = () => t(`picture.kind.${p().kind}`);
                const label = (key: 'picture.open' | 'picture.thumbAlt') => t(key, { kind: kind(), who: p().byName, when: formatDateTime(p().at) });
                return (
                  <li class="thumb" data-testid="picture-thumb" data-state={state()}>
                    <button type="button" class="thumb-open" aria-label={label('picture.open')} onClick={() => setOpen(p())}>
                      <BlobImage db={props.office.db} sha256={p().thumb} alt={label('picture.thumbAlt')} />
                    </button>
                    <span class={`chip blob-${state()}`} data-testid="picture-state">{t(`picture.state.${state()}` as 'picture.state.waiting')}</span>
                  </li>
                );
              }}
            </Show>
          )}
        </For>
      </ul>
      <Show when={!props.readOnly}>
        <PictureButtons title={props.title} busy={action.busy()} onFiles={(files, input) => void add(files, input)} />
      </Show>
      <Problems problems={action.problems()} />
      <Show when={open()}>{(p) => <PictureViewer office={props.office} collection={props.collection} id={props.id} picture={p()} readOnly={props.readOnly} onClose={() => setOpen(null)} />}</Show>
    </section>
  );
}
