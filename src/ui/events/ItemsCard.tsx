import { createSignal, For, Show } from 'solid-js';
import { isPlanEditable } from '../../domain/events/steps';
import type { CommunityEvent, EventItemRow, ItemKind } from '../../domain/events/types';
import { t } from '../../i18n';
import { addItem, setTaskDone } from '../../store/events';
import type { Office } from '../../store/office-api';
import { createLive } from '../../shared/bindings/live';
import { createSave, FormShell } from '../common/FormShell';
import { allStaff } from '../../store/queries/staff';
import { LIMITS } from '../../domain/limits';

/** The agenda (议程) and the preparation checklist (筹备事项) with owners. */
export function ItemsCard(props: { office: Office; event: CommunityEvent; items: EventItemRow[] }) {
  const staff = createLive(() => props.office, (o) => allStaff(o.db), []);
  const name = (id: string) => staff().find((s) => s.id === id)?.name ?? '';
  const agenda = () => props.items.filter((i) => i.kind === 'agenda');
  const tasks = () => props.items.filter((i) => i.kind === 'task');
  const planEditable = () => isPlanEditable(props.event);
  const open = () => props.event.status !== 'closed';
  return (
    <section class="card" aria-labelledby="items-title">
      <h2 id="items-title">{t('events.agenda')}</h2>
      <Show when={agenda().length} fallback={<p class="muted">{t('events.noAgenda')}</p>}>
        <ol class="agenda" data-testid="agenda">
          <For each={agenda()}>{(i) => <li>{i.title}</li>}</For>
        </ol>
      </Show>
      <Show when={planEditable()}>
        <AddItem office={props.office} event={props.event} kind="agenda" />
      </Show>
      <h3>{t('events.tasks')}</h3>
      <Show when={tasks().length} fallback={<p class="muted">{t('events.noTasks')}</p>}>
        <ul class="plain tasks">
          <For each={tasks()}>
            {(i) => (
              <li class="task">
                <label class="inline">
                  <input type="checkbox" checked={i.done} disabled={!open()} onChange={(e) => void setTaskDone(props.office, props.event.id, i.id, e.currentTarget.checked)} />
                  <span class={i.done ? 'done' : undefined}>{i.title}</span>
                </label>
                <Show when={i.ownerId}><span class="muted"> · {name(i.ownerId)}</span></Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={open()}>
        <AddItem office={props.office} event={props.event} kind="task" staff={staff()} />
      </Show>
    </section>
  );
}

function AddItem(props: { office: Office; event: CommunityEvent; kind: ItemKind; staff?: { id: string; name: string }[] }) {
  const [title, setTitle] = createSignal('');
  const [owner, setOwner] = createSignal('');
  const save = createSave(() => addItem(props.office, props.event.id, props.kind, title(), owner()), () => setTitle(''));
  const label = () => t(props.kind === 'agenda' ? 'events.addAgenda' : 'events.addTask');
  return (
    <FormShell save={save} class="inline-form" aria-label={label()} submit={label()} tone="plain" actionsClass="inline-actions" problemsAt="bottom">
      <label>
        {t(props.kind === 'agenda' ? 'events.agendaItem' : 'events.task')}
        <input name={`${props.kind}Title`} value={title()} maxLength={LIMITS.shortText} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <Show when={props.staff}>
        <label>
          {t('events.owner')}
          <select name="owner" value={owner()} onChange={(e) => setOwner(e.currentTarget.value)}>
            <option value="">—</option>
            <For each={props.staff}>{(s) => <option value={s.id}>{s.name}</option>}</For>
          </select>
        </label>
      </Show>
    </FormShell>
  );
}
