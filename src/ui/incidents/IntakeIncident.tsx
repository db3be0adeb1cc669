import { createSignal, For, Show } from 'solid-js';
import type { CustomerRow } from '../../domain/customers/types';
import { buildingOfUnit } from '../../domain/residents/filter';
import { t } from '../../i18n';
import '../../i18n/notices';
import { createLive } from '../../shared/bindings/live';
import { linkCallToIncident } from '../../store/incidents';
import type { Office } from '../../store/office-api';
import { openIncidentsFor } from '../../store/queries/incidents';
import { createAction } from '../common/FormShell';
import { Problems } from '../common/Problems';
import { NeedChips } from '../residents/NeedChips';

/**
 * At intake, once the caller is known: their special needs (行动不便, 独居老人), and any open
 * incident of their building with the words to read and 关联到突发事件 — one tap records the call
 * against the incident instead of a new request; the form is then cleared for the next caller.
 */
export function IntakeIncident(props: { office: Office; customer: CustomerRow | null; onLinked: () => void }) {
  const incidents = createLive(() => props.customer?.unitCode ?? '', (code) => openIncidentsFor(props.office.db, code), []);
  const link = createAction();
  const [linked, setLinked] = createSignal('');
  return (
    <>
      <Show when={props.customer}>{(c) => <p class="chips" data-testid="intake-needs"><NeedChips tags={c().tags} /></p>}</Show>
      <Show when={linked()}><p class="saved" role="status" data-testid="incident-linked">{t('intake.linkedIncident', { title: linked() })}</p></Show>
      <For each={props.customer ? incidents() : []}>
        {(i) => (
          <section class="incident-offer" data-testid="incident-offer" aria-label={i.title}>
            <p><strong>{t('intake.incidentFor', { building: buildingOfUnit(props.customer?.unitCode ?? ''), title: i.title })}</strong></p>
            <p class="script">{i.script}</p>
            <button type="button" class="primary" disabled={link.busy()} onClick={() => {
              const c = props.customer;
              if (!c) return;
              void link.run(() => linkCallToIncident(props.office, i.id, c.id), () => { setLinked(i.title); props.onLinked(); });
            }}>{t('intake.linkIncident')}</button>
          </section>
        )}
      </For>
      <Problems problems={link.problems()} />
    </>
  );
}
