import { Navigate, Route, Router, type RouteSectionProps } from '@solidjs/router';
import { lazy, Show, type JSX } from 'solid-js';
import { CustomerList } from './customers/CustomerList';
import { afterFirstScreen, staffId, store } from './session';
import { IdleLock } from './lock/IdleLock';
import { JoinProgress } from './shell/JoinProgress';
import { AppBar } from './shell/AppBar';
import { UpdatePrompt } from './shell/UpdatePrompt';

// Shown only to a tablet the relay refuses (rare): with its backup button and the import's words it is not part of the first load.
const RemovedNotice = lazy(() => import('./shell/RemovedNotice').then((m) => ({ default: m.RemovedNotice })));
const loadQueues = () => import('./requests/RequestQueues');
const RequestQueues = lazy(() => loadQueues().then((m) => ({ default: m.RequestQueues })));
// 工单 is the desk's most used page after the customer list: its chunk (with what it imports,
// ~11 KiB gzipped) is fetched once the first screen is up and the app is idle, so the first visit does not
// wait for it — and the first screen does not wait for it either (the idle time while the list
// reads IndexedDB came before the list before).
void afterFirstScreen().then(() => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void loadQueues().catch(() => undefined), { timeout: 10_000 });
});
const RequestNew = lazy(() => import('./requests/RequestNew').then((m) => ({ default: m.RequestNew })));
const RequestPage = lazy(() => import('./requests/RequestPage').then((m) => ({ default: m.RequestPage })));
// The customer list stays in the main chunk (the bench's cold open lands on it); every other page is its own chunk, loaded when opened.
const CustomerNew = lazy(() => import('./customers/CustomerNew').then((m) => ({ default: m.CustomerNew })));
const CustomerPage = lazy(() => import('./customers/CustomerPage').then((m) => ({ default: m.CustomerPage })));
const SettingsPage = lazy(() => import('./settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const ServiceSettingsPage = lazy(() => import('./settings/ServiceSettingsPage').then((m) => ({ default: m.ServiceSettingsPage })));
const DevicesPage = lazy(() => import('./settings/DevicesPage').then((m) => ({ default: m.DevicesPage })));
const PersonalDataPage = lazy(() => import('./settings/PersonalDataPage').then((m) => ({ default: m.PersonalDataPage })));
const StaffPage = lazy(() => import('./settings/StaffPage').then((m) => ({ default: m.StaffPage })));
const JoinPage = lazy(() => import('./setup/JoinPage').then((m) => ({ default: m.JoinPage })));
const UnitList = lazy(() => import('./units/UnitList').then((m) => ({ default: m.UnitList })));
const UnitNew = lazy(() => import('./units/UnitNew').then((m) => ({ default: m.UnitNew })));
const UnitPage = lazy(() => import('./units/UnitPage').then((m) => ({ default: m.UnitPage })));
// Surveys and the indicator dashboard
const DashboardPage = lazy(() => import('./dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const SurveyList = lazy(() => import('./surveys/SurveyList').then((m) => ({ default: m.SurveyList })));
const SurveyNew = lazy(() => import('./surveys/SurveyNew').then((m) => ({ default: m.SurveyNew })));
const SurveyEntry = lazy(() => import('./surveys/SurveyEntry').then((m) => ({ default: m.SurveyEntry })));
// Moves (issue 20): move-in, renovation, handover
const MoveInPage = lazy(() => import('./moves/MoveInPage').then((m) => ({ default: m.MoveInPage })));
const RenovationNew = lazy(() => import('./moves/RenovationNew').then((m) => ({ default: m.RenovationNew })));
const RenovationPage = lazy(() => import('./moves/RenovationPage').then((m) => ({ default: m.RenovationPage })));
const HandoverPage = lazy(() => import('./moves/HandoverPage').then((m) => ({ default: m.HandoverPage })));
// All renovations; the move-in checklist in 设置 (issue 20, lists branch)
const RenovationsPage = lazy(() => import('./moves/RenovationsPage').then((m) => ({ default: m.RenovationsPage })));
const HandoverSettingsPage = lazy(() => import('./settings/HandoverSettingsPage').then((m) => ({ default: m.HandoverSettingsPage })));
const PrintRoute = lazy(() => import('../print/PrintRoute').then((m) => ({ default: m.PrintRoute })));
const Setup = lazy(() => import('./setup/Setup').then((m) => ({ default: m.Setup })));
const WhoAreYou = lazy(() => import('./setup/WhoAreYou').then((m) => ({ default: m.WhoAreYou })));
// The front desk's day: 今日 is the first screen after login, its own chunk like every other page.
const TodayPage = lazy(() => import('./today/TodayPage').then((m) => ({ default: m.TodayPage })));
const TemplatesPage = lazy(() => import('./settings/TemplatesPage').then((m) => ({ default: m.TemplatesPage })));
const PlansPage = lazy(() => import('./settings/PlansPage').then((m) => ({ default: m.PlansPage })));
const AnswersPage = lazy(() => import('./answers/AnswersPage').then((m) => ({ default: m.AnswersPage })));
// Seminars, club and activities (issue 10), 扫码 and the paper lists
const EventList = lazy(() => import('./events/EventList').then((m) => ({ default: m.EventList })));
const EventNew = lazy(() => import('./events/EventNew').then((m) => ({ default: m.EventNew })));
const EventPage = lazy(() => import('./events/EventPage').then((m) => ({ default: m.EventPage })));
const ScanPage = lazy(() => import('./papers/ScanPage').then((m) => ({ default: m.ScanPage })));
const PapersPage = lazy(() => import('./papers/PapersPage').then((m) => ({ default: m.PapersPage })));
// Notices, incidents and lists of the people who live here (issue 20)
const NoticesPage = lazy(() => import('./notices/NoticesPage').then((m) => ({ default: m.NoticesPage })));
const NoticeNew = lazy(() => import('./notices/NoticeNew').then((m) => ({ default: m.NoticeNew })));
const NoticePage = lazy(() => import('./notices/NoticePage').then((m) => ({ default: m.NoticePage })));
const IncidentsPage = lazy(() => import('./incidents/IncidentsPage').then((m) => ({ default: m.IncidentsPage })));
const IncidentNew = lazy(() => import('./incidents/IncidentNew').then((m) => ({ default: m.IncidentNew })));
const IncidentPage = lazy(() => import('./incidents/IncidentPage').then((m) => ({ default: m.IncidentPage })));
const ResidentsPage = lazy(() => import('./residents/ResidentsPage').then((m) => ({ default: m.ResidentsPage })));
// Each person's figures (issue 21)
const StaffFiguresPage = lazy(() => import('./staff-figures/StaffFiguresPage').then((m) => ({ default: m.StaffFiguresPage })));
// Every paper filed (issue 21): a paper's own page, opened by its QR code
// Corrective and preventive actions, the monthly case review, the annual report (issue 21)
const ActionsPage = lazy(() => import('./actions/ActionsPage').then((m) => ({ default: m.ActionsPage })));
const AnnualPage = lazy(() => import('./actions/AnnualPage').then((m) => ({ default: m.AnnualPage })));
const ReviewPage = lazy(() => import('./actions/ReviewPage').then((m) => ({ default: m.ReviewPage })));
const PaperPage = lazy(() => import('./papers/PaperPage').then((m) => ({ default: m.PaperPage })));
const ImportPage = lazy(() => import('./import/ImportPage').then((m) => ({ default: m.ImportPage })));

/** Every office page needs an open office and a chosen staff profile first. */
function Office(props: { page: (office: NonNullable<ReturnType<typeof store>>) => JSX.Element }) {
  return (
    <Show when={store()} fallback={<Setup />}>
      {(office) => (
        <Show when={staffId()} fallback={<WhoAreYou office={office()} />}>
          <IdleLock office={office()}>
            <AppBar office={office()} />
            <JoinProgress status={office().sync.status()} />
            <Show when={office().sync.status().state === 'unauthorized'}>
              <RemovedNotice office={office()} />
            </Show>
            {props.page(office())}
          </IdleLock>
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
      <Route path="/today" component={() => <Office page={(o) => <TodayPage office={o} />} />} />
      <Route path="/answers" component={() => <Office page={(o) => <AnswersPage office={o} />} />} />
      <Route path="/settings/templates" component={() => <Office page={(o) => <TemplatesPage office={o} />} />} />
      <Route path="/settings/plans" component={() => <Office page={(o) => <PlansPage office={o} />} />} />
      <Route path="/customers" component={() => <Office page={(o) => <CustomerList office={o} />} />} />
      <Route path="/customers/new" component={() => <Office page={(o) => <CustomerNew office={o} />} />} />
      <Route path="/customers/:id" component={() => <Office page={(o) => <CustomerPage office={o} />} />} />
      <Route path="/requests" component={() => <Office page={(o) => <RequestQueues office={o} />} />} />
      <Route path="/requests/new" component={() => <Office page={(o) => <RequestNew office={o} />} />} />
      <Route path="/requests/:id" component={() => <Office page={(o) => <RequestPage office={o} />} />} />
      <Route path="/units" component={() => <Office page={(o) => <UnitList office={o} />} />} />
      <Route path="/units/new" component={() => <Office page={(o) => <UnitNew office={o} />} />} />
      <Route path="/units/:id" component={() => <Office page={(o) => <UnitPage office={o} />} />} />
      {/* Moves (issue 20) */}
      <Route path="/units/:id/move-in" component={() => <Office page={(o) => <MoveInPage office={o} />} />} />
      <Route path="/units/:id/renovation" component={() => <Office page={(o) => <RenovationNew office={o} />} />} />
      <Route path="/renovations/:id" component={() => <Office page={(o) => <RenovationPage office={o} />} />} />
      <Route path="/handovers/:id" component={() => <Office page={(o) => <HandoverPage office={o} />} />} />
      {/* All renovations; the move-in checklist in 设置 (issue 20, lists branch) */}
      <Route path="/renovations" component={() => <Office page={(o) => <RenovationsPage office={o} />} />} />
      <Route path="/settings/handover" component={() => <Office page={(o) => <HandoverSettingsPage office={o} />} />} />
      <Route path="/events" component={() => <Office page={(o) => <EventList office={o} />} />} />
      <Route path="/events/new" component={() => <Office page={(o) => <EventNew office={o} />} />} />
      <Route path="/events/:id" component={() => <Office page={(o) => <EventPage office={o} />} />} />
      <Route path="/scan" component={() => <Office page={(o) => <ScanPage office={o} />} />} />
      <Route path="/papers" component={() => <Office page={(o) => <PapersPage office={o} />} />} />
      <Route path="/actions" component={() => <Office page={(o) => <ActionsPage office={o} />} />} />
      <Route path="/annual" component={() => <Office page={(o) => <AnnualPage office={o} />} />} />
      <Route path="/actions/review" component={() => <Office page={(o) => <ReviewPage office={o} />} />} />
      <Route path="/papers/:number" component={() => <Office page={(o) => <PaperPage office={o} />} />} />
      <Route path="/dashboard" component={() => <Office page={(o) => <DashboardPage office={o} />} />} />
      <Route path="/staff-figures" component={() => <Office page={(o) => <StaffFiguresPage office={o} />} />} />
      <Route path="/surveys" component={() => <Office page={(o) => <SurveyList office={o} />} />} />
      <Route path="/surveys/new" component={() => <Office page={(o) => <SurveyNew office={o} />} />} />
      <Route path="/surveys/:id/entry" component={() => <Office page={(o) => <SurveyEntry office={o} />} />} />
      {/* Notices, incidents and lists of the people who live here (issue 20) */}
      <Route path="/notices" component={() => <Office page={(o) => <NoticesPage office={o} />} />} />
      <Route path="/notices/new" component={() => <Office page={(o) => <NoticeNew office={o} />} />} />
      <Route path="/notices/:id" component={() => <Office page={(o) => <NoticePage office={o} />} />} />
      <Route path="/incidents" component={() => <Office page={(o) => <IncidentsPage office={o} />} />} />
      <Route path="/incidents/new" component={() => <Office page={(o) => <IncidentNew office={o} />} />} />
      <Route path="/incidents/:id" component={() => <Office page={(o) => <IncidentPage office={o} />} />} />
      <Route path="/residents" component={() => <Office page={(o) => <ResidentsPage office={o} />} />} />
      <Route path="/import" component={() => <Office page={(o) => <ImportPage office={o} />} />} />
      <Route path="/print/:form" component={() => <Office page={(o) => <PrintRoute office={o} />} />} />
      <Route path="/settings" component={() => <Office page={(o) => <SettingsPage office={o} />} />} />
      <Route path="/settings/service" component={() => <Office page={(o) => <ServiceSettingsPage office={o} />} />} />
      <Route path="/settings/staff" component={() => <Office page={(o) => <StaffPage office={o} />} />} />
      <Route path="/settings/personal" component={() => <Office page={(o) => <PersonalDataPage office={o} />} />} />
      <Route path="/settings/devices" component={() => <Office page={(o) => <DevicesPage office={o} />} />} />
      <Route path="*" component={() => (store() ? <Navigate href="/today" /> : <Setup />)} />
    </Router>
  );
}
