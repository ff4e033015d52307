import { Alert, App, Button, Modal, Typography } from 'antd';
import { useState } from 'react';

export interface TemporarySecret {
  title: string;
  username: string;
  password: string;
}

/** `ab3K EF7h mn2P`: groups of four are easier to read out and to copy from paper. */
function grouped(password: string): string {
  return password.match(/.{1,4}/g)?.join(' ') ?? password;
}

/**
 * The one-time password after creating an account or resetting its password. It is shown only
 * here, so the dialog does not vanish on an outside click, Esc or ×: until the password was copied
 * or 我已记下 was pressed, closing asks first.
 */
export function TemporaryPasswordModal({ secret, onClose }: { secret: TemporarySecret | null; onClose: () => void }) {
  // Which password was copied: a new one (the next reset) starts uncopied without an effect.
  const [copiedPassword, setCopiedPassword] = useState<string | null>(null);
  const copied = secret !== null && copiedPassword === secret.password;
  const { modal } = App.useApp();

  const askBeforeClosing = () => {
    if (copied) return onClose();
    modal.confirm({
      title: '一次性密码还没有复制',
      content: '关闭后不能再查看这个密码，只能再次重置密码。确定关闭吗？',
      okText: '仍然关闭',
      cancelText: '返回',
      okButtonProps: { danger: true },
      // Enter keeps the password on screen; closing takes a deliberate choice.
      autoFocusButton: 'cancel',
      onOk: onClose,
    });
  };

  return (
    <Modal
      open={!!secret}
      title={secret?.title}
      onCancel={askBeforeClosing}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记下
        </Button>
      }
    >
      {secret && (
        <>
          <Typography.Paragraph>
            账号 <Typography.Text strong>{secret.username}</Typography.Text> 的一次性密码：
          </Typography.Paragraph>
          <Typography.Paragraph>
            <Typography.Text
              code
              className="temporary-password"
              copyable={{ text: secret.password, onCopy: () => setCopiedPassword(secret.password), tooltips: ['复制密码', '已复制'] }}
            >
              <span data-testid="temporary-password" data-password={secret.password}>
                {grouped(secret.password)}
              </span>
            </Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">不含 0、O、1、l、I 等易混淆字符；空格只为便于读写，输入时不要空格。</Typography.Paragraph>
          <Alert type="warning" showIcon title="此密码只显示这一次。请当面或通过安全渠道交给本人；首次登录时须修改密码。" />
        </>
      )}
    </Modal>
  );
}
