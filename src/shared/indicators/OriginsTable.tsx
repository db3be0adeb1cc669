import { For } from 'solid-js';
import type { OriginLine } from '../../domain/indicators/origins';
import { t } from '../../i18n';

/**
 * 投诉来源与有效性 (issue 21): complaints taken in the month by origin, found valid, not valid and
 * not yet found — on 统计 and in the printed monthly report alike. `class` gives the register
 * style on paper.
 */
export function OriginsTable(props: { lines: readonly OriginLine[]; class?: string; testid?: string }) {
  const sum = (k: 'taken' | 'valid' | 'invalid' | 'open') => props.lines.reduce((n, l) => n + l[k], 0);
  return (
    <table class={props.class ?? 'figures'} data-testid={props.testid ?? 'origins'}>
      <caption class="sr-only">{t('origins.title')}</caption>
      <colgroup><col style={{ width: '40%' }} /><col /><col /><col /><col /></colgroup>
      <thead>
        <tr>
          <th scope="col">{t('origins.origin')}</th><th scope="col">{t('origins.taken')}</th><th scope="col">{t('origins.valid')}</th>
          <th scope="col">{t('origins.invalid')}</th><th scope="col">{t('origins.open')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.lines}>
          {(l) => (
            <tr data-origin={l.origin || 'none'}>
              <th scope="row" class="wrap">{l.origin ? t(`origin.${l.origin}`) : t('origin.none')}</th>
              <td>{l.taken}</td><td>{l.valid}</td><td>{l.invalid}</td><td>{l.open}</td>
            </tr>
          )}
        </For>
        <tr class="total">
          <th scope="row">{t('origins.total')}</th>
          <td>{sum('taken')}</td><td>{sum('valid')}</td><td>{sum('invalid')}</td><td>{sum('open')}</td>
        </tr>
      </tbody>
    </table>
  );
}
