import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import type { UnitInput } from '../../domain/units/unit';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { createUnit } from '../../store/units';
import { createSave, FormShell } from '../common/FormShell';
import { UnitFields } from './UnitForm';

export function UnitNew(props: { office: Office }) {
  const navigate = useNavigate();
  const [value, setValue] = createSignal<UnitInput>({ code: '', area: '', use: 'residential', status: 'owner' });
  const save = createSave(() => createUnit(props.office, value()), (id) => navigate(`/units/${id}`, { replace: true }));
  return (
    <main class="page">
      <h1>{t('units.new')}</h1>
      <FormShell save={save} class="card form" aria-label={t('units.new')} onCancel={() => navigate(-1)}>
        <UnitFields value={value()} onChange={setValue} problems={save.problems()} />
      </FormShell>
    </main>
  );
}
