import { Show, type JSX } from 'solid-js';
import type { Result } from '../../domain/result';
import { createAction, type Action } from './action';
import { t } from '../../i18n';
import { Problems } from './Problems';

// The action itself lives in action.ts (no JSX, so plain code and unit tests can use it).
export { createAction, type Action };

/** A form's save: an `Action` whose submit handler runs the one save of the form. */
export interface Save extends Action {
  submit(e?: Event): Promise<void>;
}

/** The save of one form (the form element is handed to `run`, for forms read with FormData); `done` runs after a success. */
export function createSave<T>(run: (form: HTMLFormElement | undefined) => Promise<Result<T>>, done?: (value: T) => void): Save {
  return saveWith(createAction(), run, done);
}

/** A form's save sharing the guard of an action that also has buttons outside the form (one thing at a time on a record). */
export function saveWith<T>(action: Action, run: (form: HTMLFormElement | undefined) => Promise<Result<T>>, done?: (value: T) => void): Save {
  const submit = (e?: Event) => {
    e?.preventDefault();
    const form = e?.currentTarget instanceof HTMLFormElement ? e.currentTarget : undefined;
    return action.run(() => run(form), done);
  };
  return { ...action, submit };
}

export interface FormShellProps {
  save: Save;
  /** The submit button's label (保存 unless said). */
  submit?: string;
  tone?: 'primary' | 'danger' | 'plain';
  onCancel?: () => void;
  cancel?: string;
  /** Says 已保存 beside the button after a successful save (forms that stay open on their record). */
  showSaved?: boolean;
  /** Above the reasons, e.g. the form's heading. */
  head?: JSX.Element;
  /** Inside the form after the buttons (e.g. a preview). */
  after?: JSX.Element;
  class?: string;
  actionsClass?: string;
  /** Where the refusal reasons show: above the fields (default), below the button (small inline forms), or where the form puts them itself. */
  problemsAt?: 'top' | 'bottom' | 'none';
  /** e.g. `group` for a small confirm form inside a table row. */
  role?: 'group';
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
    <form class={props.class} role={props.role} onSubmit={(e) => void props.save.submit(e)} aria-label={props['aria-label']} aria-labelledby={props['aria-labelledby']} data-testid={props['data-testid']} aria-busy={props.save.busy()}>
      {props.head}
      <Show when={(props.problemsAt ?? 'top') === 'top'}><Problems problems={props.save.problems()} /></Show>
      {props.children}
      <div class={props.actionsClass ?? 'actions'}>
        <Show when={props.onCancel}>{(cancel) => <button type="button" onClick={() => cancel()()}>{props.cancel ?? t('common.cancel')}</button>}</Show>
        <button type="submit" class={tone()} disabled={props.save.busy()}>{props.save.busy() ? t('common.saving') : props.submit ?? t('common.save')}</button>
        <Show when={props.showSaved}><span role="status" class="saved">{props.save.saved() ? t('common.saved') : ''}</span></Show>
      </div>
      <Show when={props.problemsAt === 'bottom'}><Problems problems={props.save.problems()} /></Show>
      {props.after}
    </form>
  );
}
