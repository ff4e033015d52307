import { audienceOf, REGISTRATION_STATUS_LABELS, ROLE_LABELS, type Permission, type RegistrationStatus, type Role } from '@butie/contracts';
import { AppError } from '../errors/app-error.js';

/**
 * The 403 for a permission the account lacks, in the user's words: an account whose registration
 * is not approved yet is told that, anyone else which role may not. The permission's code is for
 * integrators, as `requiredPermission`, not in the Chinese detail.
 */
export function permissionRefusal(user: { role: Role; registrationStatus: RegistrationStatus | null }, permission: Permission): AppError {
  const pending = audienceOf(user) !== user.role;
  const detail = pending
    ? `注册尚未审核通过（当前为「${REGISTRATION_STATUS_LABELS[user.registrationStatus ?? 'DRAFT']}」），审核通过后才能办理此项业务`
    : `「${ROLE_LABELS[user.role]}」角色无权执行此操作`;
  return new AppError('FORBIDDEN', detail, { extensions: { requiredPermission: permission } });
}
