import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Permission } from '@butie/contracts';
import type { FastifyRequest } from 'fastify';
import type { AuthUser, ClientInfo } from './auth-user.js';

export const PUBLIC_KEY = 'butie:public';
export const PERMISSION_KEY = 'butie:permission';
export const ALLOW_PENDING_PASSWORD_KEY = 'butie:allow-pending-password';
export const SIGNED_LINK_KEY = 'butie:signed-link';

/** Opens a route to callers without a token; everything else is closed by default. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * A GET the browser makes by itself (a file to save), with the short-lived token of a signed link
 * (SessionsService.signLink) in `?token=` instead of a bearer token; the handler checks it.
 */
export const SignedLink = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), SetMetadata(SIGNED_LINK_KEY, true));

/** The permission a handler needs; a guarded handler without one is refused (closed by default). */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

/** Reachable while the account must still replace an administrator-set password. */
export const AllowWhilePasswordChangeRequired = () => SetMetadata(ALLOW_PENDING_PASSWORD_KEY, true);

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<FastifyRequest & { user: AuthUser }>().user;
});

export function clientInfoOf(request: FastifyRequest): ClientInfo {
  const agent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof agent === 'string' ? agent.slice(0, 512) : null, requestId: String(request.id) };
}

export const Client = createParamDecorator((_: unknown, context: ExecutionContext): ClientInfo => {
  return clientInfoOf(context.switchToHttp().getRequest<FastifyRequest>());
});
