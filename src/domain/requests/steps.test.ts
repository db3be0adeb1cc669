import { describe, expect, it } from 'vitest';
import { allowedComplaintSteps, allowedSteps } from './steps';

const req = (status: Parameters<typeof allowedSteps>[0]['status'], extra: Partial<Parameters<typeof allowedSteps>[0]> = {}) =>
  allowedSteps({ kind: 'repair', status, waitingSince: '', reportedBackAt: '', lastSatisfaction: 0, ...extra });

describe('allowed steps', () => {
  it('puts the most likely step first and only offers what the state allows', () => {
    expect(req('accepted')[0]).toBe('dispatch');
    expect(req('dispatched')[0]).toBe('start');
    expect(req('inProgress')[0]).toBe('complete');
    expect(req('done')[0]).toBe('reportBack');
    expect(req('done', { reportedBackAt: 'x' })[0]).toBe('followUp');
    expect(req('followUp', { lastSatisfaction: 5 })[0]).toBe('close');
    expect(req('followUp', { lastSatisfaction: 2 })[0]).toBe('followUp');
    expect(req('closed')).toEqual(['reopen']);
    expect(req('accepted')).not.toContain('complete');
    expect(req('inProgress', { waitingSince: 'x' })[0]).toBe('resume');
    expect(req('inProgress', { waitingSince: 'x' })).not.toContain('wait');
    expect(allowedSteps({ kind: 'inquiry', status: 'accepted', waitingSince: '', reportedBackAt: '', lastSatisfaction: 0 })[0]).toBe('answer');
  });
});

describe('allowed complaint steps', () => {
  const inv = { facts: 'x', cause: 'y', responsibility: 'company' as const, severity: 'general' as const };
  it('follow the stage: investigate, propose, decide, negotiate, sign, then tasks', () => {
    expect(allowedComplaintSteps({ status: 'accepted', investigation: null }, { stage: 'registered', proposals: [] })).toEqual(['investigate']);
    expect(allowedComplaintSteps({ status: 'inProgress', investigation: inv }, { stage: 'investigated', proposals: [] })[0]).toBe('propose');
    expect(allowedComplaintSteps({ status: 'inProgress', investigation: inv }, { stage: 'awaitingApproval', proposals: [] })[0]).toBe('decide');
    expect(allowedComplaintSteps({ status: 'inProgress', investigation: inv }, { stage: 'approved', proposals: [] })[0]).toBe('negotiate');
    expect(allowedComplaintSteps({ status: 'inProgress', investigation: inv }, { stage: 'agreed', proposals: [] })[0]).toBe('signAgreement');
    expect(allowedComplaintSteps({ status: 'inProgress', investigation: inv }, { stage: 'signed', proposals: [] })).toEqual(['addTask', 'corrective', 'investigate']);
    expect(allowedComplaintSteps({ status: 'closed', investigation: inv }, { stage: 'signed', proposals: [] })).toEqual(['corrective']);
    expect(allowedComplaintSteps({ status: 'closed', investigation: null }, { stage: 'registered', proposals: [] })).toEqual([]);
  });
});
