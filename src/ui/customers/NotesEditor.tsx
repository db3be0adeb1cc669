import { createEffect, createUniqueId, on, untrack } from 'solid-js';
import { spliceBetween } from '../../domain/text-diff';
import { LIMITS } from '../../domain/limits';
import { t } from '../../i18n';

/**
 * A textarea bound to a collaborative text. Each edit goes out as the smallest splice, so two
 * people typing in one note both keep their words; a colleague's edit arriving meanwhile is
 * merged into the box without moving the caret. Nothing is sent while an IME composes a
 * Chinese word, only the finished characters.
 */
export function NotesEditor(props: { value: string; onEdit: (value: string) => unknown; label?: string; readOnly?: boolean; name?: string; rows?: number; hint?: string }) {
  let area!: HTMLTextAreaElement;
  // Several editors on one page (an event's minutes per agenda item) each need their own hint id.
  const hintId = `notes-hint-${createUniqueId()}`;
  let composing = false;
  /**
   * Brings the box to the record's text without moving the caret — but only for a text that
   * holds a colleague's edit. The record also echoes this person's own keystrokes, often a few
   * behind the box (the last ones still on their way to the document); putting such an echo in
   * the box would drop those keystrokes, and the next one would send the text without them. So
   * echoes (texts this box sent) are ignored, and nothing is merged in while a send is in flight.
   */
  let inFlight = 0;
  let sent: string[] = [];
  const reconcile = (value: string) => {
    if (!area || composing || sent.includes(value)) return;
    sent = [];
    if (area.value === value) return;
    const splice = spliceBetween(area.value, value);
    const { selectionStart, selectionEnd } = area;
    area.value = value;
    if (splice && document.activeElement === area) {
      const shift = (pos: number) => (pos <= splice.index ? pos : Math.max(splice.index, pos + splice.insert.length - splice.remove));
      area.setSelectionRange(shift(selectionStart), shift(selectionEnd));
    }
  };
  createEffect(on(() => props.value, (value) => inFlight === 0 && reconcile(value)));
  const send = () => {
    const value = area.value;
    sent.push(value);
    if (sent.length > 500) sent.shift();
    const saved = props.onEdit(value);
    if (!(saved instanceof Promise)) return;
    inFlight++;
    void saved.finally(() => {
      inFlight--;
      if (inFlight === 0) reconcile(props.value);
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
        // The first text only: a reactive `value` would put every echo into the box, bypassing reconcile.
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
