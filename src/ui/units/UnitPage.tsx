import { A, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { maskPhone } from '../../domain/mask';
import type { UnitInput } from '../../domain/units/unit';
import { ok } from '../../domain/result';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { updateUnit } from '../../store/units';
import { occupantsOf, unitRow } from '../../store/queries/units';
import { createSave, FormShell } from '../common/FormShell';
import { UnitFields } from './UnitForm';
import { printLinks } from '../../print/links';
import { UnitMoves } from '../moves/UnitMoves';
// Pictures (issue 19)
import { createRecord } from '../../shared/bindings/record';
import { PictureStrip } from '../pictures/PictureStrip';

/** A unit's photos (a damaged façade, a parking space): the unit record lives in the directory. */
function UnitPictures(props: { office: Office; id: string }) {
  const record = createRecord(props.office, 'directory', 'units', props.id);
  return <section class="card"><PictureStrip office={props.office} collection="units" id={props.id} record={record()} title={t('units.pictures')} /></section>;
}

/** One unit: its facts, who owns or lives in it, and a quick change of status. */
export function UnitPage(props: { office: Office }) {
  const params = useParams<{ id: string }>();
  const unit = createLive(() => params.id, (id) => unitRow(props.office.db, id), undefined);
  const occupants = createLive(() => unit()?.code ?? '', (code) => (code ? occupantsOf(props.office.db, code) : []), []);
  const [draft, setDraft] = createSignal<UnitInput | null>(null);
  const save = createSave(async () => {
    const d = draft();
    return d ? updateUnit(props.office, params.id, d) : ok(undefined);
  }, () => setDraft(null));
  return (
    <main class="page">
      <A href="/units" class="back">← {t('units.title')}</A>
      <Show when={unit()} fallback={<p class="empty">{t('units.notFound')}</p>}>
        {(u) => (
          <>
            <div class="page-head">
              <h1 data-testid="unit-code">{u().code}</h1>
              <Show when={!draft()}>
                <button type="button" onClick={() => setDraft({ code: u().code, area: u().area === null ? '' : String(u().area), use: u().use, status: u().status })}>{t('common.edit')}</button>
              </Show>
            </div>
            <Show when={draft()} fallback={
              <dl class="facts">
                <dt>{t('units.area')}</dt><dd>{u().area ?? '—'}</dd>
                <dt>{t('units.use')}</dt><dd>{t(`use.${u().use}`)}</dd>
                <dt>{t('units.status')}</dt><dd>{t(`status.${u().status}`)}</dd>
              </dl>
            }>
              {(d) => (
                <FormShell save={save} class="card form" aria-label={t('common.edit')} onCancel={() => setDraft(null)}>
                  <UnitFields value={d()} onChange={setDraft} problems={save.problems()} codeFixed />
                </FormShell>
              )}
            </Show>
            <UnitPictures office={props.office} id={params.id} />
            <div class="page-head">
              <h2>{t('units.occupants')}</h2>
              <Show when={occupants().length}>
                <A href={printLinks.customersOfUnit(u().code)} class="button">{t('units.printSheets')}</A>
              </Show>
            </div>
            <ul class="rows">
              <For each={occupants()} fallback={<li class="row muted">{t('common.none')}</li>}>
                {(c) => (
                  <li>
                    <A href={`/customers/${c.id}`} class="row">
                      <strong>{c.name}</strong>
                      <span>{t(`kind.${c.kind}`)}</span>
                      <span class="phone">{c.phones.map(maskPhone).join(' / ')}</span>
                    </A>
                  </li>
                )}
              </For>
            </ul>
            {/* Moves (issue 20): residents over time, move-in, change of owner, move-out, renovations */}
            <UnitMoves office={props.office} unit={u()} />
          </>
        )}
      </Show>
    </main>
  );
}
