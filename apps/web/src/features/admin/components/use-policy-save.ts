import { App, type FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { PolicyVersionView } from '@butie/contracts';
import { ApiError } from '../../../lib/api-client';
import { errorText, showFieldErrors } from '../../../lib/form-errors';

/**
 * Sends a policy change and says what came of it. When someone else saved a version meanwhile the
 * form closes on the newer version rather than offering to overwrite it: the administrator
 * checks it and starts again from there.
 */
export function usePolicySave<V>(form: FormInstance<V>, onDone: () => void, setRefusal: (text: string | null) => void) {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  return async (send: () => Promise<PolicyVersionView>, fieldOf: Record<string, string> = {}) => {
    try {
      const saved = await send();
      message.success(`已保存为第 ${saved.version} 版`);
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'POLICY_VERSION_CHANGED') {
        await client.invalidateQueries({ queryKey: ['policy'] });
        modal.warning({ title: '政策参数已被他人修改', content: `${error.detail}。页面已显示最新版本。`, okText: '知道了' });
        onDone();
      } else if (showFieldErrors(form, error, fieldOf)) setRefusal('请按提示修改标红的内容');
      else setRefusal(errorText(error));
    }
  };
}
