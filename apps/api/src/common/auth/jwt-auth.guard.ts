import { types } from 'node:util';
import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppError } from '../errors/app-error.js';
import { PUBLIC_KEY } from './decorators.js';

/** Global and first: every route needs a valid access token unless it says @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    return isPublic ? true : super.canActivate(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser, info: unknown): TUser {
    // isNativeError, not instanceof: an error of Node's own (a refused database connection) may
    // come from another realm (Jest's test sandbox), and must still reach the filter as itself (503).
    if (error) throw error instanceof Error || types.isNativeError(error) ? error : tokenProblem(info);
    if (user) return user;
    throw tokenProblem(info);
  }
}

/** passport-jwt reports why a token failed through `info`; each reason gets its stable code. */
function tokenProblem(info: unknown): AppError {
  const name = (info as { name?: string } | undefined)?.name;
  const message = (info as { message?: string } | undefined)?.message ?? '';
  if (name === 'TokenExpiredError') return new AppError('TOKEN_EXPIRED', '访问令牌已过期，请刷新令牌或重新登录');
  if (!name || message === 'No auth token') return new AppError('AUTH_REQUIRED', '请先登录（缺少 Authorization: Bearer 访问令牌）');
  return new AppError('TOKEN_INVALID', '访问令牌无效，请重新登录');
}
