import { createEffect, createSignal, onCleanup, onMount } from 'solid-js';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { todayView } from '../../store/queries/today';
import { generateTasks } from '../../store/tasks';
import { createLive } from '../bindings/live';
import { TodayView } from './TodayView';

/**
 * 今日, the first screen after login: the loader. It reads the day from the projection at once,
 * then (after the first items are drawn) makes any care and plan tasks of the next two weeks
 * this device does not hold yet — the same ids on every device, so nothing is made twice.
 */
export function TodayPage(props: { office: Office }) {
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), 60_000);
  onCleanup(() => clearInterval(timer));
  const view = createLive(() => ({ me: props.office.config.staffId ?? '', now: now() }), (q) => todayView(props.office.db, q.me, q.now), null);
  const [generating, setGenerating] = createSignal(true);
  onMount(() => {
    // After the first paint: generation reads customers and plans and must not delay it.
    setTimeout(() => {
      generateTasks(props.office, now())
        .catch((err) => console.error('Linli: generating tasks failed', err))
        .finally(() => setGenerating(false));
    }, 0);
  });
  createEffect(() => {
    if (view() && !performance.getEntriesByName('linli:today-rendered').length) queueMicrotask(() => performance.mark('linli:today-rendered'));
  });
  return <TodayView office={props.office} view={view()} generating={generating()} title={t('today.title')} />;
}
