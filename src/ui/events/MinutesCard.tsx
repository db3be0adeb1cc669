import { For, Show } from 'solid-js';
import { eventShard, itemFromRecord } from '../../domain/events/record';
import type { CommunityEvent, EventItemRow } from '../../domain/events/types';
import { t } from '../../i18n';
import { editMinutes, editText } from '../../store/events';
import type { Office } from '../../store/office-api';
import { createRecord } from '../bindings/record';
import { NotesEditor } from '../customers/NotesEditor';

/**
 * The minutes (会议记录), written together: one collaborative text per agenda item plus free
 * notes. Each keystroke is a splice, so two or three staff typing into one item — online or
 * not — all keep their words.
 */
export function MinutesCard(props: { office: Office; event: CommunityEvent; items: EventItemRow[] }) {
  const readOnly = () => props.event.status === 'closed';
  return (
    <section class="card minutes" aria-labelledby="minutes-title">
      <h2 id="minutes-title">{t('events.minutes')}</h2>
      <For each={props.items}>
        {(item, i) => <ItemMinutes office={props.office} event={props.event} item={item} n={i() + 1} readOnly={readOnly()} />}
      </For>
      <NotesEditor name="eventNotes" rows={4} label={t('events.freeNotes')} hint={t('events.minutesHint')} readOnly={readOnly()} value={props.event.notes}
        onEdit={(v) => void editText(props.office, props.event.id, 'notes', v)} />
    </section>
  );
}

function ItemMinutes(props: { office: Office; event: CommunityEvent; item: EventItemRow; n: number; readOnly: boolean }) {
  const record = createRecord(props.office, eventShard(props.event), 'eventItems', props.item.id);
  const minutes = () => {
    const r = record();
    return r ? itemFromRecord(props.item.id, r).minutes : '';
  };
  return (
    <Show when={record() !== undefined}>
      <NotesEditor name={`minutes-${props.item.id}`} rows={4} label={t('events.itemMinutes', { n: props.n, title: props.item.title })} hint={t('events.minutesHint')}
        readOnly={props.readOnly} value={minutes()} onEdit={(v) => void editMinutes(props.office, props.event.id, props.item.id, v)} />
    </Show>
  );
}

