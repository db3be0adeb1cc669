import { createEffect, createMemo, createSignal, onCleanup } from 'solid-js';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { taskLabels, todayAnswers, todayBasis, todayCare, todayFollowUps, todayPlanTasks, todayRequests, todaySurveyTasks, type TodayBasis } from '../../store/queries/today';
import { generateTasksIfChanged } from '../../store/tasks';
import { createLive } from '../../shared/bindings/live';
import { TodayView, type TodaySections } from './TodayView';

/** Projection rows are flat records of strings, numbers and string lists. */
function sameRow(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k] === b[k] || (Array.isArray(a[k]) && JSON.stringify(a[k]) === JSON.stringify(b[k])));
}

const sameBasis = (a: TodayBasis | null, b: TodayBasis | null) =>
  a === b || (!!a && !!b && a.me === b.me && a.team === b.team && a.today === b.today && a.end === b.end && a.calendar === b.calendar);

/**
 * 今日, the first screen after login: the loader. The frame draws at once; each section reads
 * its own rows (an index range each) and draws as soon as they are there. After the lists are
 * on screen it makes any care and plan tasks of the next two weeks this device does not hold
 * yet — the same ids on every device, so nothing is made twice — unless nothing they are made
 * from changed since the last visit of the day.
 */
export function TodayPage(props: { office: Office }) {
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), 60_000);
  onCleanup(() => clearInterval(timer));
  const db = () => props.office.db;
  const read = createLive(() => ({ me: props.office.config.staffId ?? '', now: now() }), (q) => todayBasis(db(), q.me, q.now), null);
  // The minute's tick re-reads the day; the sections re-read only when the day or the team changed.
  const basis = createMemo(read, null, { equals: sameBasis });
  /**
   * A section's rows, live. Rows that did not change keep their object, so that a task done
   * redraws that one item, not the 1,200 around it. Its first rows leave a performance mark
   * (`linli:today:<section>`, for the bench and the profiler).
   */
  const section = <T,>(name: string, query: (b: TodayBasis) => Promise<T>) => {
    let marked = false;
    let kept = new Map<string, unknown>();
    return createLive(basis, async (b) => {
      if (!b) return null;
      const rows = await query(b);
      if (!marked && (marked = true)) performance.mark(`linli:today:${name}`);
      if (!Array.isArray(rows)) return rows;
      const next = new Map<string, unknown>();
      const out = rows.map((r: { id: string }) => {
        const old = kept.get(r.id);
        const same = old !== undefined && sameRow(old as Record<string, unknown>, r as unknown as Record<string, unknown>);
        next.set(r.id, same ? old : r);
        return same ? old : r;
      });
      kept = next;
      return out as T;
    }, null);
  };
  const sections: TodaySections = {
    requests: section('requests', (b) => todayRequests(db(), b)),
    care: section('care', (b) => todayCare(db(), b)),
    plans: section('plans', (b) => todayPlanTasks(db(), b)),
    surveys: section('surveys', (b) => todaySurveyTasks(db(), b)),
    followUps: section('followups', (b) => todayFollowUps(db(), b)),
    answers: section('answers', (b) => todayAnswers(db(), b)),
    labels: createLive(() => props.office, (o) => taskLabels(o.db), null),
  };
  const drawn = () => Object.values(sections).every((s) => s() !== null);
  const [generating, setGenerating] = createSignal(true);
  let started = false;
  const generate = () => {
    if (started) return;
    started = true;
    generateTasksIfChanged(props.office, now())
      .catch((err) => console.error('Linli: generating tasks failed', err))
      .finally(() => setGenerating(false));
  };
  // Left before the lists were drawn: the tasks are made all the same, as on every visit.
  onCleanup(generate);
  let drawnOnce = false;
  createEffect(() => {
    if (drawnOnce || !drawn()) return;
    drawnOnce = true;
    if (!performance.getEntriesByName('linli:today-rendered').length) queueMicrotask(() => performance.mark('linli:today-rendered'));
    // Generation reads customers and plans: it starts once the lists are painted, never before.
    requestAnimationFrame(() => setTimeout(generate, 0));
  });
  return <TodayView office={props.office} today={basis()?.today ?? null} sections={sections} generating={generating()} title={t('today.title')} />;
}
