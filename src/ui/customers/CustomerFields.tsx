import type { CustomerInput } from '../../domain/customers/customer';
import type { Problem } from '../../domain/result';
import { t } from '../../i18n';
import { problemFor } from '../common/Problems';
import { LIMITS } from '../../domain/limits';

/** Name, phones and unit: the plain fields shared by the new-customer and edit forms. */
export function CustomerFields(props: { value: CustomerInput; onChange: (v: CustomerInput) => void; problems: Problem[] }) {
  const invalid = (field: string) => (problemFor(props.problems, field) ? 'true' : undefined);
  return (
    <>
      <label>
        {t('customers.name')}
        <input name="name" autocomplete="off" maxLength={LIMITS.name} value={props.value.name} aria-invalid={invalid('name')}
          onInput={(e) => props.onChange({ ...props.value, name: e.currentTarget.value })} />
      </label>
      <label>
        {t('customers.phones')}
        <input name="phones" inputmode="tel" autocomplete="off" maxLength={LIMITS.shortText} value={props.value.phones.join(', ')} aria-invalid={invalid('phones')}
          aria-describedby="phones-hint"
          onInput={(e) => props.onChange({ ...props.value, phones: e.currentTarget.value.split(/[,，;；\s]+/) })} />
        <small id="phones-hint">{t('customers.phonesHint')}</small>
      </label>
      <label>
        {t('customers.unit')}
        <input name="unitCode" autocomplete="off" maxLength={40} value={props.value.unitCode} aria-invalid={invalid('unitCode')}
          aria-describedby="unit-hint"
          onInput={(e) => props.onChange({ ...props.value, unitCode: e.currentTarget.value })} />
        <small id="unit-hint">{t('customers.unitHint')}</small>
      </label>
    </>
  );
}
