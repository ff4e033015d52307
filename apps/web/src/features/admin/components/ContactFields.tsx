import { Form, Input } from 'antd';
import { PHONE_RULE } from '../../../lib/form-rules';

export const PHONE_REQUIRED_MESSAGE = '已开启短信二次验证，管理部门账号必须登记手机号码';

/** Phone (for the SMS second factor) and email, the same in the create and edit forms. */
export function ContactFields({ phoneHint, phoneRequired }: { phoneHint: string; phoneRequired: boolean }) {
  return (
    <>
      <Form.Item name="phone" label="手机号码" extra={phoneHint} rules={[...(phoneRequired ? [{ required: true, message: PHONE_REQUIRED_MESSAGE }] : []), PHONE_RULE]}>
        <Input maxLength={11} inputMode="numeric" autoComplete="off" />
      </Form.Item>
      <Form.Item name="email" label="电子邮箱" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
        <Input maxLength={128} autoComplete="off" />
      </Form.Item>
    </>
  );
}
