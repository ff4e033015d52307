import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, type Permission } from '@butie/contracts';
import { AppError } from '../errors/app-error.js';
import type { AuthUser } from './auth-user.js';
import { permissionRefusal } from './permission-refusal.js';
import { ALLOW_PENDING_PASSWORD_KEY, PERMISSION_KEY, PUBLIC_KEY } from './decorators.js';

/**
 * Global and second: the role must hold the handler's permission. A guarded handler that names no
 * permission is refused (closed by default), and an account with an administrator-set password
 * reaches only the routes that let it change it.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  private readonly logger = new Logger(PermissionGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const user = context.switchToHttp().getRequest<{ user: AuthUser }>().user;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no permission; refused`);
      throw new AppError('FORBIDDEN', '当前账号无权执行此操作');
    }
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD_KEY, targets)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '该账号的密码由管理员设置，须先修改密码才能继续使用');
    }
    if (!can(user, permission)) throw permissionRefusal(user, permission);
    return true;
  }
}
