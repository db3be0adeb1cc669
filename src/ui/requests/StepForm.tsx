import { createContext, createEffect, on, useContext, type JSX } from 'solid-js';
import type { Result } from '../../domain/result';
import { createSave, FormShell } from '../common/FormShell';

/**
 * Changes whenever a step is added to the request, by anyone: the reasons a form showed for
 * refusing an earlier attempt may no longer hold, so they are cleared.
 */
export const StepStamp = createContext<() => number>(() => 0);

/**
 * One workflow step as a small form: its fields, one button, and the reasons if refused.
 * `onDone` runs after the step was saved (to empty the fields for the next one).
 */
export function StepForm(props: { title: string; submit: string; onSubmit: () => Promise<Result<unknown>>; onDone?: () => void; children?: JSX.Element; tone?: 'primary' | 'danger' }) {
  const save = createSave(() => props.onSubmit(), () => props.onDone?.());
  createEffect(on(useContext(StepStamp), () => save.setProblems([]), { defer: true }));
  return (
    <FormShell save={save} class="step" aria-label={props.title} head={<h3>{props.title}</h3>} submit={props.submit} tone={props.tone}>
      {props.children}
    </FormShell>
  );
}
