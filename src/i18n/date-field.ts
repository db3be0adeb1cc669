import { normalizeDateText, showDateTime, type DateTextKind } from '../domain/date-text';
import { t } from './index';

/**
 * Props for a date, time or month field in the app's own language: a text field showing
 * 2026-12-05 / 08:30 / 2026-12 with a hint in the UI language, whatever the tablet's locale (the
 * browser's own pickers would say mm/dd/yyyy and 08:30 AM on an English tablet). What was typed
 * is made into that form when the field is left (`normalizeDateText`) and announced as an input,
 * so the page's own handler stores it. Used as `<input {...dateField('date')} value=… onInput=… />`.
 * Shared by ui and print (their month and range pickers), so it lives with the language.
 */
export function dateField(kind: DateTextKind) {
  return {
    type: 'text',
    inputmode: 'numeric' as const,
    autocomplete: 'off',
    spellcheck: false,
    'data-date-field': kind,
    get placeholder() {
      return t(`datefield.${kind}`);
    },
    onBlur: (e: FocusEvent) => {
      const el = e.currentTarget as HTMLInputElement;
      const stored = normalizeDateText(kind, el.value);
      const shown = kind === 'datetime' ? showDateTime(stored) : stored;
      if (shown === el.value) return;
      el.value = shown;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
  };
}
