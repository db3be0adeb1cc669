import { Navigate, Route, Router, type RouteSectionProps } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { t } from '../i18n';
import { CustomerList } from './customers/CustomerList';
import { CustomerNew } from './customers/CustomerNew';
import { CustomerPage } from './customers/CustomerPage';
import { staffId, store } from './session';
import { SettingsPage } from './settings/SettingsPage';
import { AppBar } from './shell/AppBar';
import { UpdatePrompt } from './shell/UpdatePrompt';
import { JoinPage } from './setup/JoinPage';
import { UnitList } from './units/UnitList';
import { UnitNew } from './units/UnitNew';
import { UnitPage } from './units/UnitPage';
import { Setup } from './setup/Setup';
import { WhoAreYou } from './setup/WhoAreYou';

/** Every office page needs an open office and a chosen staff profile first. */
function Office(props: { page: (office: NonNullable<ReturnType<typeof store>>) => JSX.Element }) {
  return (
    <Show when={store()} fallback={<Setup />}>
      {(office) => (
        <Show when={staffId()} fallback={<WhoAreYou office={office()} />}>
          <AppBar office={office()} />
          <Show when={office().sync.status().state === 'unauthorized'}>
            <p class="banner error" role="alert">{t('sync.unauthorized')}</p>
          </Show>
          {props.page(office())}
        </Show>
      )}
    </Show>
  );
}

function Layout(props: RouteSectionProps) {
  return (
    <>
      {props.children}
      <UpdatePrompt />
    </>
  );
}

export function App() {
  return (
    <Router root={Layout}>
      <Route path="/join" component={JoinPage} />
      <Route path="/customers" component={() => <Office page={(o) => <CustomerList office={o} />} />} />
      <Route path="/customers/new" component={() => <Office page={(o) => <CustomerNew office={o} />} />} />
      <Route path="/customers/:id" component={() => <Office page={(o) => <CustomerPage office={o} />} />} />
      <Route path="/units" component={() => <Office page={(o) => <UnitList office={o} />} />} />
      <Route path="/units/new" component={() => <Office page={(o) => <UnitNew office={o} />} />} />
      <Route path="/units/:id" component={() => <Office page={(o) => <UnitPage office={o} />} />} />
      <Route path="/settings" component={() => <Office page={(o) => <SettingsPage office={o} />} />} />
      <Route path="*" component={() => (store() ? <Navigate href="/customers" /> : <Setup />)} />
    </Router>
  );
}
