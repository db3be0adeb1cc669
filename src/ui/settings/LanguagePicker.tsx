import { For } from 'solid-js';
import { LOCALES, locale, setLocale, t, type Locale } from '../../i18n';

export function LanguagePicker() {
  return (
    <label class="inline">
      {t('settings.language')}
      <select value={locale()} onChange={(e) => void setLocale(e.currentTarget.value as Locale)}>
        <For each={LOCALES}>{(l) => <option value={l.id}>{l.label}</option>}</For>
      </select>
    </label>
  );
}
