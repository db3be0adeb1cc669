import '../../i18n/dashboard';
import { useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { maskPhone } from '../../domain/mask';
import { nonRespondents } from '../../domain/surveys/response';
import type { Question, Survey } from '../../domain/surveys/survey';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { householdNames, listSurveys, responsesOf, surveyHouseholds } from '../../store/queries/surveys';
import { createLive } from '../../shared/bindings/live';
import { printRef } from '../../domain/papers/paper';
import { FormTitle, PrintPage } from '../PrintPage';
import { recordUrl } from '../RecordQr';
import { Signatures } from '../RecordForm';
import { RegisterTable } from '../RegisterTable';
import { customersOfUnits } from '../../store/queries/customers';

async function loadSurvey(office: Office, id: string): Promise<Survey | null> {
  const all = await listSurveys(office.db);
  return (id ? all.find((s) => s.id === id) : all[0]) ?? null;
}

/**
 * 问卷 — one questionnaire per household of a wave (`?id=&wave=`), each with its unit and the
 * QR code that opens the entry grid at that household, or one blank form (`?blank=1`).
 */
export function SurveyForms(props: { office: Office }) {
  const [params] = useSearchParams<{ id?: string; wave?: string; blank?: string }>();
  const data = createLive(
    () => ({ id: params.id ?? '', wave: Number(params.wave) || 1, blank: params.blank === '1' }),
    async (q) => {
      const survey = await loadSurvey(props.office, q.id);
      if (!survey) return { survey: null, codes: [] as string[], names: new Map<string, string>(), wave: q.wave };
      const codes = q.blank ? [''] : await surveyHouseholds(props.office.db, survey);
      return { survey, codes, names: await householdNames(props.office.db, codes.filter(Boolean)), wave: q.wave };
    },
    null,
  );
  /** The loaded forms, once there is a survey to print. */
  const withSurvey = () => {
    const d = data();
    return d?.survey ? { ...d, survey: d.survey } : null;
  };
  return (
    <PrintPage office={props.office} title={data()?.survey?.title || t('survey.title')} ready={data() !== null} backHref="/surveys">
      <Show when={withSurvey()} fallback={<p class="empty">{t('survey.none')}</p>}>
        {(d) => <For each={d().codes}>{(code) => <Questionnaire survey={d().survey} wave={d().wave} unit={code} name={d().names.get(code) ?? ''} />}</For>}
      </Show>
    </PrintPage>
  );
}

function Questionnaire(props: { survey: Survey; wave: number; unit: string; name: string }) {
  const wave = () => props.survey.waves.find((w) => w.n === props.wave);
  const qr = () => (props.unit ? { url: recordUrl(`surveys/${props.survey.id}/entry?wave=${props.wave}&unit=${encodeURIComponent(props.unit)}`), number: props.unit } : undefined);
  return (
    <section class="record-form questionnaire" data-testid="questionnaire" data-unit={props.unit}>
      <FormTitle
        title={props.survey.title}
        meta={[
          { label: t('survey.unit'), value: props.unit || '________' },
          { label: t('survey.household'), value: props.name || '________' },
          { label: t('survey.waveLabel'), value: wave()?.label ?? String(props.wave) },
        ]}
        qr={qr()}
      />
      <Show when={props.survey.intro}><p class="q-intro">{props.survey.intro}</p></Show>
      <ol class="q-list">
        <For each={props.survey.questions}>{(q) => <QuestionBlock q={q} />}</For>
      </ol>
      <Signatures lines={[{ label: t('survey.respondent') }, { label: t('print.date'), date: true }]} />
    </section>
  );
}

function QuestionBlock(props: { q: Question }) {
  return (
    <li class="q">
      <p class="q-text">{props.q.text}<Show when={props.q.type === 'multiple'}><span class="muted">（{t('survey.multipleAllowed')}）</span></Show></p>
      <Show when={props.q.type !== 'text'} fallback={<div class="q-lines"><span /><span /><span /></div>}>
        <div class="q-options">
          <For each={props.q.options}>{(o, i) => <span class="q-option"><span class="box" aria-hidden="true">□</span> {i() + 1} {o}</span>}</For>
        </div>
      </Show>
    </li>
  );
}

/** 未回复住户回访表: the targeted households with no answer yet, to visit or call. */
export function SurveyNonRespondents(props: { office: Office }) {
  const [params] = useSearchParams<{ id?: string; wave?: string }>();
  const data = createLive(
    () => ({ id: params.id ?? '', wave: Number(params.wave) || 1 }),
    async (q) => {
      const survey = await loadSurvey(props.office, q.id);
      if (!survey) return null;
      const [codes, rows] = await Promise.all([surveyHouseholds(props.office.db, survey), responsesOf(props.office.db, survey.id, q.wave)]);
      const missing = nonRespondents(codes, rows);
      const customers = await customersOfUnits(props.office.db, missing);
      const byUnit = new Map<string, { name: string; phone: string }>();
      for (const c of customers) if (!byUnit.has(c.unitCode)) byUnit.set(c.unitCode, { name: c.name, phone: c.phones[0] ?? '' });
      return { survey, rows: missing.map((code) => ({ code, ...(byUnit.get(code) ?? { name: '', phone: '' }) })) };
    },
    null,
  );
  const paper = () => {
    const d = data();
    return d ? { form: 'survey-nonrespondents' as const, ref: printRef('survey-nonrespondents', { id: params.id, wave: params.wave ?? '1' }), title: `${t('survey.nonRespondentsTitle')} · ${d.survey.title}` } : undefined;
  };
  return (
    <PrintPage office={props.office} title={t('survey.nonRespondentsTitle')} orientation="portrait" ready={data() !== null} backHref={`/surveys/${params.id ?? ''}/entry?wave=${params.wave ?? 1}`}
      paper={paper()}>
      <Show when={data()}>
        {(d) => (
          <>
            <FormTitle title={t('survey.nonRespondentsTitle')} meta={[{ label: t('report.survey'), value: d().survey.title }, { label: t('form.count'), value: String(d().rows.length) }]} />
            <RegisterTable
              numbered
              rowKey={(r) => r.code}
              rows={d().rows}
              columns={[
                { id: 'unit', label: t('survey.unit'), width: '24mm', value: (r) => r.code },
                { id: 'name', label: t('survey.household'), width: '24mm', value: (r) => r.name },
                { id: 'phone', label: t('customers.phones'), width: '28mm', value: (r) => (r.phone ? maskPhone(r.phone) : '') },
                { id: 'how', label: t('survey.followHow') },
                { id: 'result', label: t('survey.followResult') },
                { id: 'by', label: t('survey.followBy'), width: '20mm' },
                { id: 'date', label: t('print.date'), width: '20mm' },
              ]}
            />
          </>
        )}
      </Show>
    </PrintPage>
  );
}
