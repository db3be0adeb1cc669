import type { Component } from 'solid-js';
import type { Office } from '../../store/office-api';
import { AwaitingMe } from './Approvals';
import { EventsToDo, PapersNotBack } from './EventSlots';
import { MovesToday } from '../moves/MovesToday';
// Corrective and preventive actions (issue 21): overdue ones on 今日
import { OverdueActions } from '../actions/OverdueActions';

/**
 * Sections other features add to 今日: what waits on the manager's approval, papers printed and not back (纸质件), seminars and
 * activities needing their sign-in or minutes. Each renders its own heading and items, and
 * nothing when it has none.
 */
export const TODAY_SLOTS: { id: 'approvals' | 'papers' | 'seminars' | 'moves' | 'actions'; section: Component<{ office: Office; today: string }> }[] = [
  { id: 'approvals', section: AwaitingMe },
  // Corrective and preventive actions (issue 21)
  { id: 'actions', section: OverdueActions },
  { id: 'seminars', section: EventsToDo },
  { id: 'papers', section: PapersNotBack },
  // Moves (issue 20): leases ending, renovation inspections due, works ending, applications to approve
  { id: 'moves', section: MovesToday },
];
