import { describe, expect, it } from 'vitest';
import { milestoneState, templateDates } from './milestones.js';

describe("the ITA year's calendar", () => {
  it('dates the BMA template in the fiscal year: October to September, Buddhist Era to ISO', () => {
    const fy2568 = templateDates(2568);
    // Seed 002: OIT evidence and the first staff count by 31 March 2568, IIT/EIT by 31 May 2568.
    expect(fy2568['oit-evidence'].dueOn).toBe('2025-03-31');
    expect(fy2568['staff-count'].dueOn).toBe('2025-03-31');
    expect(fy2568['iit-collection']).toEqual({ startsOn: '2025-02-01', dueOn: '2025-05-31' });
    expect(fy2568['schools-data'].dueOn).toBe('2025-01-15');
    // The measures plan is made at the start of the fiscal year, in the October–December before.
    expect(fy2568['measures-plan']).toEqual({ startsOn: '2024-10-01', dueOn: '2024-12-31' });
    expect(fy2568['progress-6'].dueOn).toBe('2025-04-30');
    expect(fy2568['progress-12'].dueOn).toBe('2025-10-31');
  });

  it('says where a milestone stands on a day', () => {
    const dates = { startsOn: '2025-02-01', dueOn: '2025-05-31' };
    expect(milestoneState(dates, false, '2025-01-10')).toBe('upcoming');
    expect(milestoneState(dates, false, '2025-03-01')).toBe('open');
    expect(milestoneState(dates, false, '2025-05-20')).toBe('due-soon');
    expect(milestoneState(dates, false, '2025-06-01')).toBe('late');
    expect(milestoneState(dates, true, '2025-06-01')).toBe('done');
  });
});

describe("NACC's own windows", () => {
  it('are never late for an agency: once closed they are over', () => {
    const dates = { startsOn: '2027-04-01', dueOn: '2027-06-30' };
    expect(milestoneState(dates, false, '2027-07-01', 'nacc-survey')).toBe('done');
    expect(milestoneState(dates, false, '2027-06-20', 'nacc-oit')).toBe('due-soon');
    expect(milestoneState(dates, false, '2027-07-01', 'oit-publication')).toBe('late');
  });
});
