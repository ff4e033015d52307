import { Card, Tabs } from 'antd';
import { useSession } from '../../app/use-session';
import { PageShell } from '../../components/PageShell';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileForm } from './ProfileForm';

export function AccountPage() {
  const user = useSession()!.user;
  return (
    <PageShell title="账号管理" description="修改用户姓名、手机号码、电子邮箱和登录密码">
      <Card>
        <Tabs
          items={[
            { key: 'profile', label: '基本信息', children: <ProfileForm user={user} /> },
            { key: 'password', label: '修改密码', children: <ChangePasswordForm username={user.username} /> },
          ]}
        />
      </Card>
    </PageShell>
  );
}
