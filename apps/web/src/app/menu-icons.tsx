import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BellOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  HomeOutlined,
  IdcardOutlined,
  LoginOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

const ICONS: Record<string, ReactNode> = {
  home: <HomeOutlined />,
  profile: <IdcardOutlined />,
  applications: <FileTextOutlined />,
  messages: <BellOutlined />,
  account: <SettingOutlined />,
  'admin-regions': <ApartmentOutlined />,
  'admin-staff': <TeamOutlined />,
  'audit-logins': <LoginOutlined />,
  'audit-operations': <FileSearchOutlined />,
  statistics: <AuditOutlined />,
};

export function menuIcon(key: string): ReactNode {
  return ICONS[key] ?? <AppstoreOutlined />;
}
