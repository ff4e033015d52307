import { ACCOUNT_ERROR_CODES } from './accounts.js';
import { ATTACHMENT_ERROR_CODES } from './attachments.js';
import { APPLICATION_ERROR_CODES } from './applications.js';
import { GATEWAY_ERROR_CODES } from './gateways.js';
import { POLICY_ERROR_CODES } from './policy.js';
import { REGION_ERROR_CODES } from './regions.js';
import { PERSON_REGISTRATION_ERROR_CODES, UNIT_REGISTRATION_ERROR_CODES } from './registrations.js';
import { WORK_HISTORY_ERROR_CODES } from './work-histories.js';

/** Refusals any route can give: transport, sign-in, permission, scope, races, outages. */
export const COMMON_ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_REQUEST',
  'REQUEST_TOO_COMPLEX',
  'URI_TOO_LONG',
  'HEADERS_TOO_LARGE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'AUTH_REQUIRED',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'SESSION_ENDED',
  'SESSION_IDLE',
  'PASSWORD_CHANGE_REQUIRED',
  'RATE_LIMITED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'STATUS_CHANGED',
  'TRANSITION_NOT_ALLOWED',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
] as const;

/**
 * Stable machine codes of every refusal the API gives (`code` in application/problem+json), each
 * owned by one module (its list sits with the module's other contracts). Clients branch on these,
 * never on the Chinese `detail`.
 */
export const ERROR_CODES = [
  ...COMMON_ERROR_CODES,
  ...ACCOUNT_ERROR_CODES,
  ...REGION_ERROR_CODES,
  ...UNIT_REGISTRATION_ERROR_CODES,
  ...PERSON_REGISTRATION_ERROR_CODES,
  ...ATTACHMENT_ERROR_CODES,
  ...WORK_HISTORY_ERROR_CODES,
  ...POLICY_ERROR_CODES,
  ...GATEWAY_ERROR_CODES,
  ...APPLICATION_ERROR_CODES,
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One invalid field, keyed so that a form can show the message next to the field. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as every error response carries them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  /** Extra facts a client can act on, e.g. `lockedUntil` with ACCOUNT_LOCKED. */
  [extension: string]: unknown;
}
