import { For, Show } from 'solid-js';
import { remarkSummary } from '../../domain/events/remarks';
import type { CommunityEvent } from '../../domain/events/types';
import { t } from '../../i18n';
import { editText } from '../../store/events';
import type { Office, PlainRecord } from '../../store/office-api';
import { PictureStrip } from '../pictures/PictureStrip';
import { remarksOf } from '../../store/queries/events';
import { createLive } from '../../shared/bindings/live';
import { NotesEditor } from '../customers/NotesEditor';

/** Analysis and use (分析与改进): remarks by topic and kind, what was decided, the evaluation (and for activities what happened and what to improve). */
export function AnalysisCard(props: { office: Office; event: CommunityEvent; record: PlainRecord | null | undefined }) {
  const remarks = createLive(() => props.event.id, (id) => remarksOf(props.office.db, id), []);
  const readOnly = () => props.event.status === 'closed';
  const edit = (field: 'decisions' | 'evaluation' | 'happened' | 'improvement') => (v: string, base: string) => editText(props.office, props.event.id, field, v, base);
  return (
    <section class="card" aria-labelledby="analysis-title">
      <h2 id="analysis-title">{t('events.analysis')}</h2>
      <Show when={remarks().length}>
        <table class="table" aria-label={t('events.summary')}>
          <thead><tr><th scope="col">{t('events.remarkTopic')}</th><th scope="col">{t('events.remarkKind')}</th><th scope="col">{t('events.count')}</th></tr></thead>
          <tbody>
            <For each={remarkSummary(remarks())}>{(s) => <tr><td>{s.topic || '—'}</td><td>{t(`reqkind.${s.kind}`)}</td><td>{s.count}</td></tr>}</For>
          </tbody>
        </table>
      </Show>
      <Show when={props.event.kind !== 'seminar'}>
        <NotesEditor name="happened" rows={3} label={t('events.happened')} hint={t('events.minutesHint')} readOnly={readOnly()} value={props.event.happened} onEdit={edit('happened')} />
        {/* Pictures (issue 19): real photos (below, every kind) replace the file-name field; names typed before stay readable. */}
        <Show when={props.event.photos}>
          <p class="muted" data-testid="old-photo-names">{t('events.oldPhotoNames')}：{props.event.photos}</p>
        </Show>
      </Show>
      <NotesEditor name="decisions" rows={3} label={t('events.decisions')} hint={t('events.minutesHint')} readOnly={readOnly()} value={props.event.decisions} onEdit={edit('decisions')} />
      <NotesEditor name="evaluation" rows={3} label={t('events.evaluation')} hint={t('events.minutesHint')} readOnly={readOnly()} value={props.event.evaluation} onEdit={edit('evaluation')} />
      <Show when={props.event.kind !== 'seminar'}>
        <NotesEditor name="improvement" rows={3} label={t('events.improvement')} hint={t('events.minutesHint')} readOnly={readOnly()} value={props.event.improvement} onEdit={edit('improvement')} />
      </Show>
      <PictureStrip office={props.office} collection="events" id={props.event.id} record={props.record} title={t('events.pictures')} readOnly={readOnly()} />
    </section>
  );
}
