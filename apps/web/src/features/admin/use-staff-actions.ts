import { App } from 'antd';
import type { StaffAccountView } from '@butie/contracts';
import { errorText } from '../../lib/form-errors';
import { formatDateTime } from '../../lib/format';
import { useResetStaffPassword, useUnlockStaff, useUpdateStaff } from './api/staff';
import type { TemporarySecret } from './components/TemporaryPasswordModal';

/** The confirmed actions on one staff account: disable or enable, reset the password, unlock. */
export function useStaffActions(showSecret: (secret: TemporarySecret) => void) {
  const update = useUpdateStaff();
  const reset = useResetStaffPassword();
  const unlock = useUnlockStaff();
  const { modal, message } = App.useApp();

  const toggle = (account: StaffAccountView) => {
    const disabling = account.status === 'ACTIVE';
    modal.confirm({
      title: disabling ? `停用账号 ${account.username}？` : `启用账号 ${account.username}？`,
      content: disabling ? `停用后「${account.fullName}」将立即退出登录，且不能再登录，直到重新启用。` : `启用后「${account.fullName}」可以重新登录。`,
      okText: disabling ? '停用' : '启用',
      okButtonProps: { danger: disabling },
      onOk: async () => {
        try {
          await update.mutateAsync({ id: account.id, status: disabling ? 'DISABLED' : 'ACTIVE' });
          message.success(disabling ? '已停用' : '已启用');
        } catch (error) {
          message.error(errorText(error));
        }
      },
    });
  };

  const resetPassword = (account: StaffAccountView) => {
    modal.confirm({
      title: `重置 ${account.username} 的密码？`,
      content: '将生成一次性密码；该账号现有的登录立即失效，登录锁定同时解除，登录后须修改密码。',
      okText: '重置密码',
      onOk: async () => {
        try {
          const result = await reset.mutateAsync(account.id);
          showSecret({ title: '密码已重置', username: account.username, password: result.temporaryPassword });
        } catch (error) {
          message.error(errorText(error));
        }
      },
    });
  };

  const unlockAccount = (account: StaffAccountView) => {
    modal.confirm({
      title: `解锁账号 ${account.username}？`,
      content: `该账号因连续登录失败被锁定至 ${formatDateTime(account.lockedUntil)}。解锁后可立即重新登录；如怀疑有人猜测密码，请改为重置密码。`,
      okText: '解锁',
      onOk: async () => {
        try {
          await unlock.mutateAsync(account.id);
          message.success('已解锁');
        } catch (error) {
          message.error(errorText(error));
        }
      },
    });
  };

  return { toggle, resetPassword, unlock: unlockAccount };
}
