import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { GATEWAY_LABELS, type GatewayName } from '@butie/contracts';
import { PageShell } from '../../../components/PageShell';
import { useAppInfo } from '../../../lib/app-info';

const SECTIONS: { gateway: GatewayName; to: string; label: string }[] = [
  { gateway: 'SOCIAL_SECURITY', to: '/admin/sandbox', label: '社保缴费记录' },
  { gateway: 'DEGREE', to: '/admin/sandbox/degrees', label: '学历证书记录' },
];

/**
 * 沙箱数据: what the sandbox 社保系统 and 教育部学历查询 answer while they stand in for the real
 * services. With the real service configured its records do not exist, and the page says so.
 */
export function SandboxShell({ gateway, extra, children }: { gateway: GatewayName; extra?: ReactNode; children: ReactNode }) {
  const info = useAppInfo();
  const on = info.data?.gatewaySandboxes.includes(gateway);
  return (
    <PageShell
      title="沙箱数据"
      description="演示与测试环境中代替外部系统应答的记录：申报时的社保核验和学历核验按这里的记录进行"
      extra={on ? extra : undefined}
    >
      <nav className="sandbox-sections" aria-label="沙箱类别">
        {SECTIONS.map((section) => (
          <NavLink key={section.to} to={section.to} end className={({ isActive }) => `sandbox-section${isActive ? ' sandbox-section-active' : ''}`}>
            {section.label}
          </NavLink>
        ))}
      </nav>
      {info.data && !on ? (
        <Alert type="info" showIcon title={`已接入真实的${GATEWAY_LABELS[gateway]}，没有沙箱数据`} description="核验时直接查询外部系统；此处无需维护。" />
      ) : (
        info.data && children
      )}
    </PageShell>
  );
}
