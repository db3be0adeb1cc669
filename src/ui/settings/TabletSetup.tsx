import { createResource, For, Match, Show, Switch } from 'solid-js';
import { renderSVG } from 'uqr';
import { t } from '../../i18n';
import { fetchSetupInfo } from '../../store/setup-info';

/**
 * 设置 → 新平板: the relay's setup page (http://<pc>:8787/setup) as a QR code and a link, with the
 * office CA's name and fingerprint, so a new tablet can trust the office's HTTPS before it joins.
 */
export function TabletSetup(props: { relayUrl: string }) {
  const [info] = createResource(() => props.relayUrl, fetchSetupInfo);
  return (
    <section aria-labelledby="tablet-setup-title" data-testid="tablet-setup">
      <h2 id="tablet-setup-title">{t('settings.tabletSetup')}</h2>
      <Switch>
        <Match when={info.loading}>
          <p class="muted">{t('settings.tabletSetupLoading')}</p>
        </Match>
        <Match when={info() === null}>
          <p class="muted">{t('settings.tabletSetupUnavailable')}</p>
        </Match>
        <Match when={info()?.tls === false}>
          <p>{t('settings.tabletSetupOff')}</p>
        </Match>
        <Match when={info()}>
          {(i) => (
            <>
              <p>{t('settings.tabletSetupHelp')}</p>
              <Show when={!i().listensOnLan}>
                <p class="read-only-note" role="note">{t('settings.tabletSetupNoLan')}</p>
              </Show>
              <Show when={i().setupUrls.length === 0}>
                <p class="read-only-note" role="note">{t('settings.tabletSetupNoAddress')}</p>
              </Show>
              <For each={i().setupUrls}>
                {(url, n) => (
                  <div class="tablet-setup">
                    {/* Built from the relay's URL text only; uqr emits plain SVG rects. */}
                    <div class="qr" role="img" aria-label={t('settings.tabletSetupQr', { url })} innerHTML={renderSVG(url, { border: 2 })} />
                    <dl class="facts">
                      <dt>{t('settings.tabletSetupUrl')}</dt>
                      <dd><a href={url} target="_blank" rel="noopener" data-testid="setup-url">{url}</a></dd>
                      <Show when={i().appUrls[n()]}>
                        <dt>{t('settings.tabletSetupApp')}</dt>
                        <dd><code>{i().appUrls[n()]}</code></dd>
                      </Show>
                    </dl>
                  </div>
                )}
              </For>
              <dl class="facts">
                <dt>{t('settings.tabletSetupCa')}</dt>
                <dd>{i().caName}</dd>
                <dt>{t('settings.tabletSetupFingerprint')}</dt>
                <dd><code class="fingerprint" data-testid="ca-fingerprint">{i().fingerprint256}</code></dd>
              </dl>
              <p class="muted">{t('settings.tabletSetupAddressNote')}</p>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
