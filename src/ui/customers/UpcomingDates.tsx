import { For, Show } from 'solid-js';
import { daysUntil, nextOccurrence, type ImportantDate } from '../../domain/dates';
import { t } from '../../i18n';
import { describeDate } from '../../shared/date-text';

/** "6 天后", "就是今天", "已过 2 天": from the office's day `today` to `day` (both YYYY-MM-DD). */
export function daysFromToday(day: string, today: string): string {
  const n = Math.round((Date.parse(day) - Date.parse(today)) / 86_400_000);
  return n === 0 ? t('date.today') : n > 0 ? t('date.inDays', { n }) : t('date.daysAgo', { n: -n });
}

/** A customer's important dates, soonest first, with how many days remain. */
export function UpcomingDates(props: { dates: ImportantDate[] }) {
  const upcoming = () => {
    const today = new Date();
    return props.dates
      .map((d) => ({ d, next: nextOccurrence(d, today) }))
      .filter((x) => x.next)
      .map((x) => ({ ...x, days: daysUntil(x.next!, today) }))
      .sort((a, b) => a.days - b.days);
  };
  return (
    <section class="card" aria-labelledby="dates-title">
      <h2 id="dates-title">{t('customers.upcoming')}</h2>
      <Show when={upcoming().length} fallback={<p class="muted">{t('common.none')}</p>}>
        <ul class="plain" data-testid="upcoming-dates">
          <For each={upcoming()}>
            {(x) => (
              <li>
                <strong>{t(`date.${x.d.kind}`)}</strong> {describeDate(x.d)} ·{' '}
                <span class={x.days <= 7 ? 'soon' : 'muted'}>{x.days === 0 ? t('date.today') : t('date.inDays', { n: x.days })}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
