import { Button, Card, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../app/use-session';
import { landingFor } from '../../config/routes';
import { logout } from '../../lib/logout';
import { ChangePasswordForm } from './ChangePasswordForm';

/** A password set by the administrator must be replaced before anything else (domain §4). */
export function PasswordRequiredPage() {
  const session = useSession()!;
  const navigate = useNavigate();
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, background: '#f3f5f9' }}>
      <Card style={{ width: '100%', maxWidth: 520 }}>
        <Typography.Title level={3}>请修改初始密码</Typography.Title>
        <Typography.Paragraph type="secondary">
          {session.user.fullName}，您的密码由系统管理员设置。为保护账号安全，请先设置只有您知道的新密码，再继续使用系统。
        </Typography.Paragraph>
        <ChangePasswordForm username={session.user.username} oldLabel="当前密码（管理员提供）" onChanged={() => void navigate(landingFor(session.user), { replace: true })} />
        <Button type="link" style={{ paddingLeft: 0, marginTop: 12 }} onClick={() => void logout().then(() => navigate('/login', { replace: true }))}>
          注销登录
        </Button>
      </Card>
    </div>
  );
}
