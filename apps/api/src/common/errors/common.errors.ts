import type { ErrorCode } from '@butie/contracts';
import { COMMON_ERROR_CODES } from '@butie/contracts';
import { defineErrors } from './error-table.js';

type CommonErrorCode = (typeof COMMON_ERROR_CODES)[number] & ErrorCode;

/** The refusals every route can give, owned by the shared plumbing rather than a module. */
export const COMMON_ERRORS = defineErrors<CommonErrorCode>({
  VALIDATION_FAILED: { status: 400, title: 'Validation failed' },
  MALFORMED_REQUEST: { status: 400, title: 'Malformed request' },
  REQUEST_TOO_COMPLEX: { status: 400, title: 'Request too deeply nested or too big' },
  URI_TOO_LONG: { status: 414, title: 'URI too long' },
  HEADERS_TOO_LARGE: { status: 431, title: 'Request header fields too large' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  AUTH_REQUIRED: { status: 401, title: 'Authentication required' },
  TOKEN_INVALID: { status: 401, title: 'Invalid token' },
  TOKEN_EXPIRED: { status: 401, title: 'Token expired' },
  SESSION_ENDED: { status: 401, title: 'Session ended' },
  SESSION_IDLE: { status: 401, title: 'Session idle timeout' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, title: 'Password change required' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  CONFLICT: { status: 409, title: 'Conflicts with stored data' },
  PRECONDITION_FAILED: { status: 412, title: 'Precondition failed' },
  STATUS_CHANGED: { status: 409, title: 'Another user acted first' },
  TRANSITION_NOT_ALLOWED: { status: 409, title: 'Not allowed in the current status' },
  DATABASE_UNAVAILABLE: { status: 503, title: 'Database unavailable' },
  INTERNAL: { status: 500, title: 'Internal error' },
});
