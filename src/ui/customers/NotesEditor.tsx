import { createEffect, createUniqueId, on, untrack } from 'solid-js';
import { spliceBetween } from '../../domain/text-diff';
import { LIMITS } from '../../domain/limits';
import { t } from '../../i18n';

/**
 * A textarea bound to a collaborative text (notes, a request's description, seminar minutes).
 * Each edit goes out with the text it was made on (`base`), so the store turns it into the
 * smallest splice and moves it past colleagues' typing this box had not shown yet: two people
 * typing in one note both keep their words.
 *
 * The record's snapshots arrive from the sync worker a moment after each keystroke. While this
 * box still has edits on their way, a snapshot is older than what the person sees and is not
 * put into the box (it would move the caret back and scramble fast typing); the last snapshot
 * is applied once every edit has been saved — by then it holds all of them plus anything a
 * colleague wrote, merged in without moving the caret. Nothing is sent while an IME composes a
 * Chinese word, only the finished characters.
 */
export function NotesEditor(props: { value: string; onEdit: (value: string, base: string) => Promise<unknown> | void; label?: string; readOnly?: boolean; name?: string; rows?: number; hint?: string }) {
  let area!: HTMLTextAreaElement;
  // Several editors on one page (an event's minutes per agenda item) each need their own hint id.
  const hintId = `notes-hint-${createUniqueId()}`;
  let composing = false;
  /** The text this box last sent or took in: the base of the next edit. */
  let shown = props.value;
  let inFlight = 0;
  let latest: string | null = null;

  const take = (value: string) => {
    if (!area || composing || area.value === value) {
      shown = area?.value ?? value;
      return;
    }
    const splice = spliceBetween(area.value, value);
    const { selectionStart, selectionEnd } = area;
    area.value = value;
    shown = value;
    if (splice && document.activeElement === area) {
      const shift = (pos: number) => (pos <= splice.index ? pos : Math.max(splice.index, pos + splice.insert.length - splice.remove));
      area.setSelectionRange(shift(selectionStart), shift(selectionEnd));
    }
  };

  createEffect(
    on(
      () => props.value,
      (value) => {
        if (inFlight > 0) latest = value;
        else take(value);
      },
    ),
  );

  const send = () => {
    const base = shown;
    const value = area.value;
    if (value === base) return;
    shown = value;
    inFlight++;
    void Promise.resolve(props.onEdit(value, base)).finally(() => {
      if (--inFlight === 0 && latest !== null) {
        const value = latest;
        latest = null;
        take(value);
      }
    });
  };
  return (
    <label class="notes">
      {props.label ?? t('customers.notes')}
      <textarea
        ref={area}
        name={props.name ?? 'notes'}
        rows={props.rows ?? 6}
        readOnly={props.readOnly}
        maxLength={LIMITS.note}
        aria-describedby={hintId}
        // The first text only: a bound `value` would write every snapshot into the box, in-flight edits or not.
        value={untrack(() => props.value)}
        onCompositionStart={() => (composing = true)}
        onCompositionEnd={() => {
          composing = false;
          send();
        }}
        onInput={() => {
          if (!composing) send();
        }}
      />
      <small id={hintId}>{props.hint ?? t('customers.notesHint')}</small>
    </label>
  );
}
