import { Col, Form, Input, Row } from 'antd';
import { PASSWORD_RULE_TEXT, PERSON_FIELD_LIMITS, USERNAME_MESSAGE, USERNAME_PATTERN } from '@butie/contracts';
import { PhoneCodeField } from '../../../components/phone-code/PhoneCodeField';
import { NEW_PASSWORD_RULES, PHONE_RULE, samePasswordRule } from '../../../lib/form-rules';

/**
 * 账号信息 of a new registration under `account.*`: what the person will sign in with (username and
 * password, or the phone for SMS sign-in), their name and email.
 */
export function AccountFields() {
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name={['account', 'username']}
          label="用户名"
          rules={[{ required: true, message: '请输入用户名' }, { pattern: USERNAME_PATTERN, message: USERNAME_MESSAGE }]}
          extra="登录时使用，注册后不能修改"
        >
          <Input placeholder="3–32 位字母、数字、下划线、点或连字符" maxLength={PERSON_FIELD_LIMITS.username} autoComplete="username" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['account', 'fullName']} label="用户姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]} extra="与证件上的姓名一致">
          <Input placeholder="真实姓名" maxLength={PERSON_FIELD_LIMITS.fullName} autoComplete="name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['account', 'password']} label="密码" rules={NEW_PASSWORD_RULES} extra={PASSWORD_RULE_TEXT}>
          <Input.Password placeholder="请设置登录密码" maxLength={64} autoComplete="new-password" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={['account', 'confirm']}
          label="确认密码"
          dependencies={[['account', 'password']]}
          rules={[{ required: true, message: '请再次输入密码' }, samePasswordRule(['account', 'password'])]}
        >
          <Input.Password placeholder="再次输入密码" maxLength={64} autoComplete="new-password" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={['account', 'phone']}
          label="手机号码"
          rules={[{ required: true, message: '请输入手机号码' }, PHONE_RULE]}
          extra="用于短信登录和找回密码，不能与其他账号重复"
        >
          <Input placeholder="11 位手机号码" maxLength={11} inputMode="numeric" autoComplete="tel" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <PhoneCodeField name={['account', 'phoneCode']} phoneField={['account', 'phone']} />
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['account', 'email']} label="电子邮箱" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
          <Input placeholder="选填" maxLength={PERSON_FIELD_LIMITS.email} autoComplete="email" />
        </Form.Item>
      </Col>
    </Row>
  );
}
