import { Card } from 'antd';
import { REGISTRATION_ATTACHMENT_KINDS } from '@butie/contracts';
import { MaterialsPanel } from '../../components/attachments/MaterialsPanel';
import { PageShell } from '../../components/PageShell';

/** 维护个人材料 (domain §5.1): the person's proof materials — upload, preview, download, delete and upload again. */
export function ProfileMaterialsPage() {
  return (
    <PageShell title="维护个人材料" description="证明材料可以删除后重新上传；工作经历中使用的劳动合同请在「维护工作经历」中更换">
      <Card>
        <MaterialsPanel kinds={REGISTRATION_ATTACHMENT_KINDS} editable />
      </Card>
    </PageShell>
  );
}
