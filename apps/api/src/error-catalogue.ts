import { COMMON_ERRORS } from './common/errors/common.errors.js';
import { ACCOUNT_ERRORS } from './modules/accounts/accounts.errors.js';
import { APPLICATION_ERRORS } from './modules/applications/applications.errors.js';
import { ATTACHMENT_ERRORS } from './modules/attachments/attachments.errors.js';
import { PERSON_REGISTRATION_ERRORS } from './modules/accounts/persons/persons.errors.js';
import { GATEWAY_ERRORS } from './modules/gateways/gateways.errors.js';
import { POLICY_ERRORS } from './modules/policy/policy.errors.js';
import { REGION_ERRORS } from './modules/regions/regions.errors.js';
import { UNIT_REGISTRATION_ERRORS } from './modules/units/units.errors.js';
import { WORK_HISTORY_ERRORS } from './modules/work-history/work-history.errors.js';

/**
 * Every module's error table, loaded with the app so that each code's status is known before the
 * first request (the codes are listed in @butie/contracts; error-catalogue.spec checks that every
 * listed code has exactly one owner here).
 */
export const ERROR_TABLES = [
  COMMON_ERRORS,
  ACCOUNT_ERRORS,
  REGION_ERRORS,
  UNIT_REGISTRATION_ERRORS,
  PERSON_REGISTRATION_ERRORS,
  ATTACHMENT_ERRORS,
  WORK_HISTORY_ERRORS,
  POLICY_ERRORS,
  GATEWAY_ERRORS,
  APPLICATION_ERRORS,
];
