import { createMemo, For, Show } from 'solid-js';
import { eventShard, itemFromRecord } from '../../domain/events/record';
import type { CommunityEvent, EventItemRow } from '../../domain/events/types';
import { t } from '../../i18n';
import { editMinutes, editText } from '../../store/events';
import type { Office } from '../../store/office-api';
import { createRecord } from '../../shared/bindings/record';
import { NotesEditor } from '../customers/NotesEditor';

/**
 * The minutes (会议记录), written together: one collaborative text per agenda item plus free
 * notes. Each keystroke is a splice, so two or three staff typing into one item — online or
 * not — all keep their words.
 */
export function MinutesCard(props: { office: Office; event: CommunityEvent; items: EventItemRow[] }) {
  const readOnly = () => props.event.status === 'closed';
  // Keyed by id: the projection hands out new row objects on every keystroke, and re-creating an
  // editor for each would take the caret away from whoever is typing.
  const ids = createMemo(() => props.items.map((i) => i.id), [], { equals: (x, y) => x.join() === y.join() });
  const titleOf = (id: string) => props.items.find((i) => i.id === id)?.title ?? '';
  return (
    <section class="card minutes" aria-labelledby="minutes-title">
      <h2 id="minutes-title">{t('events.minutes')}</h2>
      <For each={ids()}>
        {(id, i) => <ItemMinutes office={props.office} event={props.event} itemId={id} title={titleOf(id)} n={i() + 1} readOnly={readOnly()} />}
      </For>
      <NotesEditor name="eventNotes" rows={4} label={t('events.freeNotes')} hint={t('events.minutesHint')} readOnly={readOnly()} value={props.event.notes}
        onEdit={(v, base) => editText(props.office, props.event.id, 'notes', v, base)} />
    </section>
  );
}

function ItemMinutes(props: { office: Office; event: CommunityEvent; itemId: string; title: string; n: number; readOnly: boolean }) {
  const id = props.itemId;
  const record = createRecord(props.office, eventShard(props.event), 'eventItems', id);
  const minutes = () => {
    const r = record();
    return r ? itemFromRecord(id, r).minutes : '';
  };
  return (
    <Show when={record() !== undefined}>
      <NotesEditor name={`minutes-${id}`} rows={4} label={t('events.itemMinutes', { n: props.n, title: props.title })} hint={t('events.minutesHint')}
        readOnly={props.readOnly} value={minutes()} onEdit={(v, base) => editMinutes(props.office, props.event.id, id, v, base)} />
    </Show>
  );
}

