import { Show } from 'solid-js';
import { useRegisterSW } from 'virtual:pwa-register/solid';
import { t } from '../../i18n';

/**
 * Registers the service worker through workbox-window and offers a new version when one is
 * waiting, instead of swapping code under a receptionist's hands mid-call.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });
  return (
    <Show when={needRefresh()}>
      <div class="toast" role="alertdialog" aria-label={t('update.available')}>
        <span>{t('update.available')}</span>
        <button type="button" class="primary" onClick={() => updateServiceWorker(true)}>{t('update.reload')}</button>
        <button type="button" onClick={() => setNeedRefresh(false)}>{t('update.later')}</button>
      </div>
    </Show>
  );
}
