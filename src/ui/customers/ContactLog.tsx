import { createSignal, For, Show } from 'solid-js';
import { LIMITS } from '../../domain/limits';
import { CONTACT_CHANNELS, type ContactChannel } from '../../domain/customers/contact';
import { formatDateTime, t } from '../../i18n';
import { logContact } from '../../store/contacts';
import { contactsOf } from '../../store/queries/contacts';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { createSave, FormShell } from '../common/FormShell';

/** The customer's contact log (接触记录): every channel, newest first, and a quick way to add one. */
export function ContactLog(props: { office: Office; customerId: string; unitCode: string }) {
  const contacts = createLive(() => props.customerId, (id) => contactsOf(props.office.db, id), []);
  const [channel, setChannel] = createSignal<ContactChannel>('phone');
  const [summary, setSummary] = createSignal('');
  const save = createSave(() => logContact(props.office, { customerId: props.customerId, unitCode: props.unitCode, channel: channel(), summary: summary() }), () => setSummary(''));
  return (
    <section class="card" aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t('customers.contacts')}</h2>
      <FormShell save={save} class="contact-form" aria-label={t('contact.add')} submit={t('contact.add')} tone="plain" actionsClass="inline-actions">
        <select aria-label={t('contact.channel')} value={channel()} onChange={(e) => setChannel(e.currentTarget.value as ContactChannel)}>
          <For each={CONTACT_CHANNELS}>{(c) => <option value={c}>{t(`channel.${c}`)}</option>}</For>
        </select>
        <input aria-label={t('contact.summary')} placeholder={t('contact.summary')} maxLength={LIMITS.note} value={summary()} onInput={(e) => setSummary(e.currentTarget.value)} />
      </FormShell>
      <Show when={contacts().length} fallback={<p class="muted">{t('customers.contactsNone')}</p>}>
        <ol class="plain timeline" data-testid="contact-log">
          <For each={contacts()}>
            {(c) => (
              <li>
                <time datetime={c.at}>{formatDateTime(c.at)}</time> <span class="chip">{t(`channel.${c.channel}`)}</span> <strong>{c.byName}</strong>
                <p>{c.summary}</p>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
