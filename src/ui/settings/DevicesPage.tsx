import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { renderSVG } from 'uqr';
import { deviceState, mayManageDevices, type DeviceListing } from '../../domain/devices';
import { fail } from '../../domain/result';
import { formatDateTime, t } from '../../i18n';
import { inviteDevice, loadDevices, myRole, removeDevice } from '../../store/devices';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { createAction, FormShell, saveWith } from '../common/FormShell';
import { Problems } from '../common/Problems';
import { BackupButton } from './BackupButton';
import './settings.css';
import './devices.css';
import { LIMITS } from '../../domain/limits';

/**
 * 设置 → 设备: every device of the office (code, name, who invited it, joined, last seen) as the
 * relay knows them. A manager invites a new tablet (a one-time code, 24 h, as link + QR code)
 * and removes a lost one; everyone else sees the list only.
 */
export function DevicesPage(props: { office: Office }) {
  const role = createLive(() => props.office.config.staffId ?? '', () => myRole(props.office), undefined);
  const manager = () => mayManageDevices(role()).ok;
  const [list, { refetch }] = createResource(() => props.office, loadDevices);
  const loaded = () => {
    const l = list();
    return l?.ok ? l.value : null;
  };
  const loadProblems = () => {
    const l = list();
    return l && !l.ok ? l.problems : [];
  };
  const [name, setName] = createSignal('');
  const [invite, setInvite] = createSignal<{ link: string; expiresAt: string } | null>(null);
  const [copied, setCopied] = createSignal(false);
  const [confirming, setConfirming] = createSignal<string | null>(null);
  const [done, setDone] = createSignal('');
  // One thing at a time on this page (an invitation or a removal); the reasons of either show at the top.
  const action = createAction();
  // The manager's PIN, asked for each invitation and removal: the relay checks it (not this tablet).
  const [pin, setPin] = createSignal('');
  const [revokePin, setRevokePin] = createSignal('');
  // uqr draws plain SVG rectangles from our own link text: safe to insert.
  const qr = createMemo(() => {
    const made = invite();
    return made ? renderSVG(made.link, { border: 2 }) : '';
  });

  const create = saveWith(action, async () => {
    setCopied(false);
    const made = await inviteDevice(props.office, name(), pin());
    setPin('');
    return made;
  }, (made) => {
    setInvite(made);
    setName('');
  });
  const copy = async (link: string) => {
    await navigator.clipboard?.writeText(link).catch(() => undefined);
    setCopied(true);
  };
  const revoke = (d: DeviceListing) => saveWith(action, async () => {
    const r = await removeDevice(props.office, d, revokePin());
    setRevokePin('');
    // The message is about the removal's PIN, not the invite form's field.
    return r.ok ? r : fail(...r.problems.map(({ field: _field, ...p }) => p));
  }, () => {
    setConfirming(null);
    setDone(t('devices.revokedDone', { code: d.code }));
    void refetch();
  });

  return (
    <main class="page wide devices-page">
      <A href="/settings" class="back">← {t('settings.title')}</A>
      <h1>{t('devices.title')}</h1>
      <p class="muted help">{t('devices.help')}</p>
      <Show when={role() !== undefined && !manager()}>
        <p class="read-only-note" role="note">{t('devices.readOnly')}</p>
      </Show>
      <Problems problems={action.problems()} />
      <p role="status" class="saved">{done()}</p>

      <Show when={manager()}>
        <section class="card" aria-labelledby="invite-title">
          <h2 id="invite-title">{t('devices.inviteTitle')}</h2>
          <FormShell save={create} class="invite-form" problemsAt="none" submit={t('devices.createInvite')}>
            <label class="field">
              {t('devices.deviceName')}
              <input name="deviceName" value={name()} onInput={(e) => setName(e.currentTarget.value)} placeholder={t('devices.deviceNamePlaceholder')} maxLength={LIMITS.name} />
            </label>
            <label class="field">
              {t('devices.managerPin')}
              <input name="managerPin" type="password" inputmode="numeric" autocomplete="off" maxLength={6} value={pin()}
                aria-invalid={action.problems().some((p) => p.field === 'managerPin')} onInput={(e) => setPin(e.currentTarget.value)} />
            </label>
          </FormShell>
          <p class="muted help">{t('devices.managerPinHelp')}</p>
          <Show when={invite()}>
            {(inv) => (
              <div class="join">
                <div class="qr" role="img" aria-label={t('devices.inviteQr')} innerHTML={qr()} />
                <div class="invite-text">
                  <p>{t('devices.inviteHelp', { time: formatDateTime(inv().expiresAt) })}</p>
                  <input readOnly value={inv().link} aria-label={t('devices.inviteLink')} data-testid="invite-link" />
                </div>
                <button type="button" onClick={() => void copy(inv().link)}>{copied() ? t('devices.copied') : t('devices.copy')}</button>
              </div>
            )}
          </Show>
        </section>
      </Show>

      <section aria-labelledby="list-title">
        <h2 id="list-title">{t('devices.listTitle')}</h2>
        <Problems problems={loadProblems()} />
        <Show when={loaded()} fallback={<Show when={list.loading}><p role="status">{t('common.loading')}</p></Show>}>
          {(ok) => (
            <table class="staff-table devices-table" data-testid="devices">
              <thead>
                <tr>
                  <th scope="col">{t('devices.code')}</th>
                  <th scope="col">{t('devices.name')}</th>
                  <th scope="col">{t('devices.joinedBy')}</th>
                  <th scope="col">{t('devices.joinedAt')}</th>
                  <th scope="col">{t('devices.lastSeen')}</th>
                  <th scope="col">{t('devices.status')}</th>
                  <Show when={manager()}><th scope="col"><span class="sr-only">{t('devices.revoke')}</span></th></Show>
                </tr>
              </thead>
              <tbody>
                <For each={ok().devices}>
                  {(d) => {
                    const state = () => deviceState(d, ok().self);
                    const remove = revoke(d);
                    return (
                      <tr data-code={d.code} data-state={state()}>
                        <th scope="row">{d.code}</th>
                        <td data-label={t('devices.name')}>{d.name || '—'}</td>
                        <td data-label={t('devices.joinedBy')}>{d.joinedBy || '—'}</td>
                        <td data-label={t('devices.joinedAt')}>{formatDateTime(d.joinedAt)}</td>
                        <td data-label={t('devices.lastSeen')}>{d.lastSeen ? formatDateTime(d.lastSeen) : t('devices.never')}</td>
                        <td data-label={t('devices.status')}><span class={`chip state-${state()}`}>{t(`devices.state.${state()}`)}</span></td>
                        <Show when={manager()}>
                          <td class="actions">
                            <Show when={state() === 'active' || state() === 'legacy'}>
                              <Show
                                when={confirming() === d.code}
                                fallback={<button type="button" aria-label={t('devices.revokeLabel', { code: d.code })} onClick={() => { setRevokePin(''); setConfirming(d.code); }}>{t('devices.revoke')}</button>}
                              >
                                <FormShell save={remove} class="confirm" role="group" aria-label={t('devices.revokeLabel', { code: d.code })} problemsAt="none" actionsClass="confirm-actions"
                                  tone="danger" submit={t('devices.confirmRevokeButton')} onCancel={() => setConfirming(null)}
                                  head={<span>{t('devices.confirmRevoke', { code: d.code })}</span>}>
                                  <input name="revokePin" type="password" inputmode="numeric" autocomplete="off" maxLength={6} value={revokePin()}
                                    aria-label={t('devices.managerPin')} placeholder={t('devices.managerPinShort')} onInput={(e) => setRevokePin(e.currentTarget.value)} />
                                </FormShell>
                              </Show>
                            </Show>
                          </td>
                        </Show>
                      </tr>
                    );
                  }}
                </For>
              </tbody>
            </table>
          )}
        </Show>
      </section>

      <Show when={manager()}>
        <section class="card" aria-labelledby="backup-title">
          <h2 id="backup-title">{t('devices.backupTitle')}</h2>
          <p class="muted help">{t('devices.backupHelp')}</p>
          <BackupButton office={props.office} label={t('devices.backupDownload')} />
        </section>
      </Show>
    </main>
  );
}
