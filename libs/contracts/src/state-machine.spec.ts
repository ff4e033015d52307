import { AUDIENCE_PERMISSIONS, PERMISSIONS, type Audience } from './permissions.js';
import {
  PERSON_REGISTRATION_TRANSITIONS,
  REGISTRATION_ACTIONS,
  REGISTRATION_STATUSES,
  UNIT_REGISTRATION_TRANSITIONS,
  type RegistrationAction,
  type RegistrationStatus,
} from './registrations.js';
import { availableActions, findTransition, statusesAllowing, type TransitionTable } from './state-machine.js';

const TABLES: [string, TransitionTable<RegistrationStatus, RegistrationAction>][] = [
  ['unit registration', UNIT_REGISTRATION_TRANSITIONS],
  ['person registration', PERSON_REGISTRATION_TRANSITIONS],
];

describe.each(TABLES)('the %s status table', (_name, table) => {
  it('has one row per (from, action), known statuses and actions, and grantable permissions', () => {
    const keys = table.map((row) => `${row.from}/${row.action}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const row of table) {
      expect(REGISTRATION_STATUSES).toContain(row.from);
      expect(REGISTRATION_STATUSES).toContain(row.to);
      expect(REGISTRATION_ACTIONS).toContain(row.action);
      expect(PERMISSIONS).toContain(row.permission);
      const holders = (Object.keys(AUDIENCE_PERMISSIONS) as Audience[]).filter((audience) => AUDIENCE_PERMISSIONS[audience].includes(row.permission));
      expect(holders.length).toBeGreaterThan(0);
    }
  });

  it('asks an opinion on every return (一次性告知) and on nothing that approves', () => {
    for (const row of table) expect(row.opinionRequired).toBe(row.action === 'return');
  });

  it('offers each row as a button to holders of its permission only, and in its own status only', () => {
    for (const row of table) {
      expect(findTransition(table, row.from, row.action)).toBe(row);
      expect(availableActions(table, row.from, [row.permission])).toContain(row.action);
      expect(availableActions(table, row.from, PERMISSIONS.filter((p) => p !== row.permission))).not.toContain(row.action);
      for (const other of REGISTRATION_STATUSES.filter((status) => !statusesAllowing(table, row.action).includes(status))) {
        expect(findTransition(table, other, row.action)).toBeNull();
        expect(availableActions(table, other, PERMISSIONS)).not.toContain(row.action);
      }
    }
  });

  it('lets an approved registration be approved or returned no more', () => {
    expect(findTransition(table, 'APPROVED', 'approve')).toBeNull();
    expect(findTransition(table, 'APPROVED', 'return')).toBeNull();
  });
});

describe('who moves a registration', () => {
  it('lets the county HRSS review units and the unit review persons; the applicant and the unit only resubmit their own', () => {
    expect(availableActions(UNIT_REGISTRATION_TRANSITIONS, 'PENDING', AUDIENCE_PERMISSIONS.COUNTY_HRSS)).toEqual(['approve', 'return']);
    expect(availableActions(UNIT_REGISTRATION_TRANSITIONS, 'PENDING', AUDIENCE_PERMISSIONS.COUNTY_ORG)).toEqual([]);
    expect(availableActions(UNIT_REGISTRATION_TRANSITIONS, 'RETURNED', AUDIENCE_PERMISSIONS.UNIT)).toEqual(['resubmit']);
    expect(availableActions(PERSON_REGISTRATION_TRANSITIONS, 'PENDING', AUDIENCE_PERMISSIONS.UNIT)).toEqual(['approve', 'return']);
    expect(availableActions(PERSON_REGISTRATION_TRANSITIONS, 'PENDING', AUDIENCE_PERMISSIONS.COUNTY_HRSS)).toEqual([]);
    expect(availableActions(PERSON_REGISTRATION_TRANSITIONS, 'DRAFT', AUDIENCE_PERMISSIONS.APPLICANT_PENDING)).toEqual(['submit']);
    expect(availableActions(PERSON_REGISTRATION_TRANSITIONS, 'RETURNED', AUDIENCE_PERMISSIONS.APPLICANT_PENDING)).toEqual(['submit']);
  });
});
