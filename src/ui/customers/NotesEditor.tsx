import { createEffect, createUniqueId, on } from 'solid-js';
import { spliceBetween } from '../../domain/text-diff';
import { LIMITS } from '../../domain/limits';
import { t } from '../../i18n';

/**
 * A textarea bound to a collaborative text. Each edit goes out as the smallest splice, so two
 * people typing in one note both keep their words; a colleague's edit arriving meanwhile is
 * merged into the box without moving the caret. Nothing is sent while an IME composes a
 * Chinese word, only the finished characters.
 */
export function NotesEditor(props: { value: string; onEdit: (value: string) => void; label?: string; readOnly?: boolean; name?: string; rows?: number; hint?: string }) {
  let area!: HTMLTextAreaElement;
  // Several editors on one page (an event's minutes per agenda item) each need their own hint id.
  const hintId = `notes-hint-${createUniqueId()}`;
  let composing = false;
  createEffect(
    on(
      () => props.value,
      (value) => {
        if (!area || composing || area.value === value) return;
        const splice = spliceBetween(area.value, value);
        const { selectionStart, selectionEnd } = area;
        area.value = value;
        if (splice && document.activeElement === area) {
          const shift = (pos: number) => (pos <= splice.index ? pos : Math.max(splice.index, pos + splice.insert.length - splice.remove));
          area.setSelectionRange(shift(selectionStart), shift(selectionEnd));
        }
      },
    ),
  );
  const send = () => props.onEdit(area.value);
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
        value={props.value}
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
