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

/** Decoration beside each menu label: hidden from screen readers, which read the label. */
const ICONS: Record<string, ReactNode> = {
  home: <HomeOutlined aria-hidden />,
  profile: <IdcardOutlined aria-hidden />,
  applications: <FileTextOutlined aria-hidden />,
  messages: <BellOutlined aria-hidden />,
  account: <SettingOutlined aria-hidden />,
  'admin-regions': <ApartmentOutlined aria-hidden />,
  'admin-staff': <TeamOutlined aria-hidden />,
  'audit-logins': <LoginOutlined aria-hidden />,
  'audit-operations': <FileSearchOutlined aria-hidden />,
  statistics: <AuditOutlined aria-hidden />,
};

export function menuIcon(key: string): ReactNode {
  return ICONS[key] ?? <AppstoreOutlined aria-hidden />;
}
