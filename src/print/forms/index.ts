import { lazy, type Component } from 'solid-js';
import type { Office } from '../../store/office-api';

/**
 * Every printable form, by the name in its address (`/print/<name>?…`). A form is a component
 * that loads its records, reads its options from the query string and renders a <PrintPage>
 * around a <RegisterTable> or <RecordForm>s. Each is its own chunk.
 */
export type PrintForm = Component<{ office: Office }>;

export const FORMS: Record<string, PrintForm> = {
  'customer-register': lazy(() => import('./CustomerRegister').then((m) => ({ default: m.CustomerRegister }))),
  customer: lazy(() => import('./CustomerSheet').then((m) => ({ default: m.CustomerSheet }))),
  request: lazy(() => import('./RequestSheets').then((m) => ({ default: m.RequestSheets }))),
  'service-register': lazy(() => import('./RequestRegisters').then((m) => ({ default: m.ServiceRegister }))),
  'followup-register': lazy(() => import('./RequestRegisters').then((m) => ({ default: m.FollowUpRegister }))),
  'dispute-register': lazy(() => import('./RequestRegisters').then((m) => ({ default: m.DisputeRegister }))),
  letter: lazy(() => import('./Letters').then((m) => ({ default: m.Letters }))),
  worksheet: lazy(() => import('./Worksheet').then((m) => ({ default: m.Worksheet }))),
  // Seminars, club and activities (issue 10), and the paper that comes back
  'seminar-minutes': lazy(() => import('./EventForms').then((m) => ({ default: m.SeminarMinutes }))),
  'sign-in': lazy(() => import('./EventForms').then((m) => ({ default: m.SignInSheet }))),
  'activity-plan': lazy(() => import('./EventForms').then((m) => ({ default: m.ActivityPlan }))),
  'activity-record': lazy(() => import('./EventForms').then((m) => ({ default: m.ActivityRecord }))),
  'archive-index': lazy(() => import('./ArchiveIndex').then((m) => ({ default: m.ArchiveIndex }))),
  // Surveys and the indicator dashboard
  'monthly-report': lazy(() => import('./MonthlyReport').then((m) => ({ default: m.MonthlyReport }))),
  survey: lazy(() => import('./SurveyForms').then((m) => ({ default: m.SurveyForms }))),
  'survey-nonrespondents': lazy(() => import('./SurveyForms').then((m) => ({ default: m.SurveyNonRespondents }))),
  // Moves (issue 20): the move-in handover form, the renovation rules and the owner's undertaking
  handover: lazy(() => import('./MovesForms').then((m) => ({ default: m.HandoverForm }))),
  'renovation-undertaking': lazy(() => import('./MovesForms').then((m) => ({ default: m.RenovationUndertaking }))),
  // Notices, incidents and lists of the people who live here (issue 20)
  'notice-board': lazy(() => import('./NoticeForms').then((m) => ({ default: m.NoticeBoard }))),
  'notice-calls': lazy(() => import('./NoticeForms').then((m) => ({ default: m.NoticeCallList }))),
  'notice-register': lazy(() => import('./NoticeForms').then((m) => ({ default: m.NoticeRegister }))),
  'incident-callbacks': lazy(() => import('./NoticeForms').then((m) => ({ default: m.IncidentCallBacks }))),
  'resident-calls': lazy(() => import('./ResidentForms').then((m) => ({ default: m.ResidentCallList }))),
  'resident-register': lazy(() => import('./ResidentForms').then((m) => ({ default: m.ResidentRegister }))),
  // Each person's figures (issue 21)
  'staff-figures': lazy(() => import('./StaffSheets').then((m) => ({ default: m.StaffSheets }))),
  // Corrective and preventive actions, the monthly case review, the annual report (issue 21)
  'case-review': lazy(() => import('./CaseReview').then((m) => ({ default: m.CaseReview }))),
  'annual-report': lazy(() => import('./AnnualReport').then((m) => ({ default: m.AnnualReport }))),
  'annual-owners': lazy(() => import('./AnnualReport').then((m) => ({ default: m.AnnualOwners }))),
  'action-letter': lazy(() => import('./ActionLetter').then((m) => ({ default: m.ActionLetter }))),
};
