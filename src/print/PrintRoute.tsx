import { useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { t } from '../i18n';
import type { Office } from '../store/office-api';
import { FORMS } from './forms';

/** `/print/<form>?…`: the print preview of one of the registered forms. */
export function PrintRoute(props: { office: Office }) {
  const params = useParams<{ form: string }>();
  const form = () => (Object.hasOwn(FORMS, params.form) ? FORMS[params.form] : undefined);
  return (
    <Show when={form()} keyed fallback={<main class="page"><p class="empty">{t('print.notFound')}</p></main>}>
      {(component) => <Dynamic component={component} office={props.office} />}
    </Show>
  );
}
