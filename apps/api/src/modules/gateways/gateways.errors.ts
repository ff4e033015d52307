import { GATEWAY_LABELS, type GatewayErrorCode, type GatewayName } from '@butie/contracts';
import { AppError } from '../../common/errors/app-error.js';
import { defineErrors } from '../../common/errors/error-table.js';
import type { GatewayUnavailableError } from './resilience.js';

/** The refusals the gateways own. */
export const GATEWAY_ERRORS = defineErrors<GatewayErrorCode>({
  GATEWAY_UNAVAILABLE: { status: 503, title: 'Outside service unavailable' },
});

/** 503 with Retry-After: the outside service could not answer now; nothing was decided on it. */
export function gatewayUnavailable(gateway: GatewayName, cause: GatewayUnavailableError): AppError {
  return new AppError('GATEWAY_UNAVAILABLE', `${GATEWAY_LABELS[gateway]}暂时无法访问，请稍后再试`, {
    retryAfter: cause.retryAfterSeconds,
    extensions: { gateway },
  });
}
