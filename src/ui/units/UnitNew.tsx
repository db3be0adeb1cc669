import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import type { UnitInput } from '../../domain/units/unit';
import type { Problem } from '../../domain/result';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { createUnit } from '../../store/units';
import { Problems } from '../common/Problems';
import { UnitFields } from './UnitForm';

export function UnitNew(props: { office: Office }) {
  const navigate = useNavigate();
  const [value, setValue] = createSignal<UnitInput>({ code: '', area: '', use: 'residential', status: 'owner' });
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const save = async (e: Event) => {
    e.preventDefault();
    const r = await createUnit(props.office, value());
    if (!r.ok) return setProblems(r.problems);
    navigate(`/units/${r.value}`, { replace: true });
  };
  return (
    <main class="page">
      <h1>{t('units.new')}</h1>
      <form class="card form" onSubmit={save}>
        <Problems problems={problems()} />
        <UnitFields value={value()} onChange={setValue} problems={problems()} />
        <div class="actions">
          <button type="button" onClick={() => navigate(-1)}>{t('common.cancel')}</button>
          <button type="submit" class="primary">{t('common.save')}</button>
        </div>
      </form>
    </main>
  );
}
