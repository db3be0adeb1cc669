import type { Component } from 'solid-js';
import type { Office } from '../../store/office-api';

/**
 * SLOT for sections other features add to 今日 — papers printed and not back (纸质台账), seminars
 * needing sign-in or minutes (座谈会). Those collections are another helper's work in progress
 * and do not exist here: a feature that has them adds its section to this list (a component
 * that renders its own heading and items, and nothing when it has none). Empty, it renders
 * nothing.
 */
export const TODAY_SLOTS: { id: 'papers' | 'seminars'; section: Component<{ office: Office; today: string }> }[] = [];
