import { createSignal, Show, type Accessor, type JSX } from 'solid-js';
import type { Problem, Result } from '../../domain/result';
import { t } from '../../i18n';
import { Problems } from './Problems';

/** One form's save: whether it is in flight and the reasons it was last refused. */
export interface Save {
  busy: Accessor<boolean>;
  problems: Accessor<Problem[]>;
  setProblems(problems: Problem[]): void;
  /** The form's submit handler: a second submit while the first is in flight is ignored. */
  submit(e?: Event): Promise<void>;
}

/**
 * A save with a busy guard. A real double tap submits twice within a few milliseconds, long
 * before the first command is on disk; disabling the button is not enough (Enter in a field
 * submits a form whose button is still being re-rendered), so the guard is a flag checked and
 * set synchronously, before the first await. `done` runs after a successful save.
 */
export function createSave<T>(run: () => Promise<Result<T>>, done?: (value: T) => void): Save {
  const [busy, setBusy] = createSignal(false);
  const [problems, setProblems] = createSignal<Problem[]>([]);
  let inFlight = false;
  const submit = async (e?: Event) => {
    e?.preventDefault();
    if (inFlight) return;
    inFlight = true;
    setBusy(true);
    try {
      const r = await run();
      setProblems(r.ok ? [] : r.problems);
      if (r.ok) done?.(r.value);
    } finally {
      inFlight = false;
      setBusy(false);
    }
  };
  return { busy, problems, setProblems, submit };
}

export interface FormShellProps {
  save: Save;
  /** The submit button's label (保存 unless said). */
  submit?: string;
  tone?: 'primary' | 'danger' | 'plain';
  onCancel?: () => void;
  cancel?: string;
  /** Beside the buttons, e.g. 已保存. */
  status?: JSX.Element;
  /** Above the reasons, e.g. the form's heading. */
  head?: JSX.Element;
  class?: string;
  actionsClass?: string;
  /** Where the refusal reasons show: above the fields (default), below the button (small inline forms), or where the form puts them itself. */
  problemsAt?: 'top' | 'bottom' | 'none';
  'aria-label'?: string;
  'aria-labelledby'?: string;
  'data-testid'?: string;
  children?: JSX.Element;
}

/**
 * The one shell of every create and step form: the reasons if refused, the fields, Cancel and
 * the submit button — disabled and saying 保存中… while the save is in flight.
 */
export function FormShell(props: FormShellProps) {
  const tone = () => (props.tone === 'plain' ? undefined : props.tone ?? 'primary');
  return (
    <form class={props.class} onSubmit={(e) => void props.save.submit(e)} aria-label={props['aria-label']} aria-labelledby={props['aria-labelledby']} data-testid={props['data-testid']} aria-busy={props.save.busy()}>
      {props.head}
      <Show when={(props.problemsAt ?? 'top') === 'top'}><Problems problems={props.save.problems()} /></Show>
      {props.children}
      <div class={props.actionsClass ?? 'actions'}>
        <Show when={props.onCancel}>{(cancel) => <button type="button" onClick={() => cancel()()}>{props.cancel ?? t('common.cancel')}</button>}</Show>
        <button type="submit" class={tone()} disabled={props.save.busy()}>{props.save.busy() ? t('common.saving') : props.submit ?? t('common.save')}</button>
        {props.status}
      </div>
      <Show when={props.problemsAt === 'bottom'}><Problems problems={props.save.problems()} /></Show>
    </form>
  );
}
