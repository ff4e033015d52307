import { APPLICATION_STATUSES, APPLICATION_TRANSITIONS, countsForRules, DELETABLE_APPLICATION_STATUSES, EDITABLE_APPLICATION_STATUSES } from './application-flow.js';
import { AUDIENCE_PERMISSIONS } from './permissions.js';
import { availableActions, findTransition } from './state-machine.js';

describe('domain §6 steps 1–2 and §5.7: the application status table', () => {
  it('names only known statuses, and every return asks for an opinion', () => {
    for (const row of APPLICATION_TRANSITIONS) {
      expect(APPLICATION_STATUSES).toContain(row.from);
      expect(APPLICATION_STATUSES).toContain(row.to);
      expect(row.opinionRequired).toBe(row.action === 'return');
    }
  });

  it('the applicant submits a draft or a returned application, and withdraws only while the unit has not decided', () => {
    const applicant = AUDIENCE_PERMISSIONS.APPLICANT;
    expect(availableActions(APPLICATION_TRANSITIONS, 'DRAFT', applicant)).toEqual(['submit']);
    expect(availableActions(APPLICATION_TRANSITIONS, 'UNIT_RETURNED', applicant)).toEqual(['submit']);
    expect(availableActions(APPLICATION_TRANSITIONS, 'UNIT_REVIEW', applicant)).toEqual(['withdraw']);
    expect(availableActions(APPLICATION_TRANSITIONS, 'UNIT_APPROVED', applicant)).toEqual([]);
    expect(findTransition(APPLICATION_TRANSITIONS, 'UNIT_REVIEW', 'withdraw')?.to).toBe('DRAFT');
  });

  it('the unit, and the county HRSS for its virtual unit, approve or return what awaits them, and nothing else', () => {
    for (const audience of ['UNIT', 'COUNTY_HRSS'] as const) {
      const reviewer = AUDIENCE_PERMISSIONS[audience];
      expect(availableActions(APPLICATION_TRANSITIONS, 'UNIT_REVIEW', reviewer)).toEqual(['approve', 'return']);
      for (const status of APPLICATION_STATUSES.filter((s) => s !== 'UNIT_REVIEW')) {
        expect({ status, actions: availableActions(APPLICATION_TRANSITIONS, status, reviewer) }).toEqual({ status, actions: [] });
      }
    }
    expect(availableActions(APPLICATION_TRANSITIONS, 'UNIT_REVIEW', AUDIENCE_PERMISSIONS.CITY_HRSS)).toEqual([]);
  });

  it('edits drafts and returned applications, deletes drafts only; drafts and rejections do not count for §5.6', () => {
    expect(EDITABLE_APPLICATION_STATUSES).toEqual(['DRAFT', 'UNIT_RETURNED']);
    expect(DELETABLE_APPLICATION_STATUSES).toEqual(['DRAFT']);
    expect(APPLICATION_STATUSES.filter((s) => !countsForRules(s))).toEqual(['DRAFT', 'REJECTED']);
  });
});
