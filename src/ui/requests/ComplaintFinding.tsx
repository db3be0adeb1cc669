import { For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { LIMITS } from '../../domain/limits';
import { findComplaint } from '../../domain/requests/finding';
import type { ServiceRequest } from '../../domain/requests/types';
import type { StaffRow } from '../../domain/staff/types';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { runStep } from '../../store/requests';
import { StepForm } from './StepForm';

/**
 * 有效性认定 (issue 21): where the complaint came from, and the manager's finding 有效/无效 with its
 * reason and the staff whose work it was about. Managers see the form (the domain refuses it
 * before the investigation, with a message saying so); everyone sees the finding.
 */
export function ComplaintFinding(props: { office: Office; req: ServiceRequest; role: string; staff: StaffRow[]; when: (iso: string) => string }) {
  const f = props.req.finding;
  const [form, setForm] = createStore({ valid: f ? f.valid : true, reason: '', staffIds: f ? [...f.staffIds] : ([] as string[]) });
  const nameOf = (id: string) => props.staff.find((s) => s.id === id)?.name ?? id;
  return (
    <section class="card" aria-labelledby="finding-title" data-testid="finding">
      <h2 id="finding-title">{t('finding.title')}</h2>
      <dl class="facts bare">
        <dt>{t('requests.origin')}</dt>
        <dd data-testid="finding-origin">{props.req.origin ? t(`origin.${props.req.origin}`) : t('origin.none')}</dd>
        <dt>{t('finding.verdict')}</dt>
        <dd data-testid="finding-verdict">
          <Show when={props.req.finding} fallback={t('finding.none')}>
            {(x) => (
              <>
                <strong>{t(x().valid ? 'finding.valid' : 'finding.invalid')}</strong> · {x().reason}
                <Show when={x().staffIds.length}><span> · {t('finding.staff')}：{x().staffIds.map(nameOf).join('、')}</span></Show>
                <span class="muted"> · {t('finding.by', { name: x().byName, date: props.when(x().at) })}</span>
              </>
            )}
          </Show>
        </dd>
      </dl>
      <Show when={props.role === 'manager'} fallback={<Show when={!props.req.finding}><p class="muted">{t('finding.managerNote')}</p></Show>}>
        <StepForm title={t('finding.title')} submit={t('finding.submit')}
          onSubmit={() => runStep(props.office, props.req.id, (req, ctx) => findComplaint(req, { valid: form.valid, reason: form.reason, staffIds: [...form.staffIds] }, props.role, ctx))}
          onDone={() => setForm('reason', '')}>
          <fieldset class="remedies">
            <legend>{t('finding.verdict')}</legend>
            <label class="inline"><input type="radio" name="valid" value="valid" checked={form.valid} onChange={() => setForm('valid', true)} />{t('finding.valid')}</label>
            <label class="inline"><input type="radio" name="valid" value="invalid" checked={!form.valid} onChange={() => setForm('valid', false)} />{t('finding.invalid')}</label>
          </fieldset>
          <label>{t('finding.reason')}<textarea name="findingReason" rows={2} maxLength={LIMITS.note} value={form.reason} onInput={(e) => setForm('reason', e.currentTarget.value)} /></label>
          <fieldset class="remedies">
            <legend>{t('finding.staff')}</legend>
            <For each={props.staff}>
              {(s) => (
                <label class="inline">
                  <input type="checkbox" name="concerned" value={s.id} checked={form.staffIds.includes(s.id)}
                    onChange={(e) => setForm('staffIds', e.currentTarget.checked ? [...form.staffIds, s.id] : form.staffIds.filter((x) => x !== s.id))} />
                  {s.name}
                </label>
              )}
            </For>
          </fieldset>
        </StepForm>
      </Show>
    </section>
  );
}
