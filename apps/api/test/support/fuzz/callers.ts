import { can, type Role } from '@butie/contracts';
import { openApiPath, type RouteInfo } from '../../../src/common/openapi/route-catalogue.js';
import type { Operation } from './openapi.js';
import type { Caller } from './sessions.js';

/**
 * Who may call an operation, read from the permission each served route declares (the same
 * metadata the guards enforce) and the role catalogue in libs/contracts; always also no token.
 * An operation the document lists but no route declares is tried by every role.
 */
export function callersOf(operation: Operation, routes: RouteInfo[], roles: readonly Role[]): Caller[] {
  const route = routes.find((r) => r.method === operation.method && openApiPath(r.path) === operation.path);
  if (route?.isPublic) return ['anonymous'];
  const permission = route?.permission;
  const allowed = route ? roles.filter((role) => permission && can({ role, registrationStatus: 'APPROVED' }, permission)) : roles;
  return [...allowed, 'anonymous'];
}
