import { Button, Card, Steps, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ApplicantProgressView, ApplicantStepKey } from '@butie/contracts';

/** What to do for each step, and where. */
const NEXT: Record<ApplicantStepKey, { text: string; action: string; path: string }> = {
  registration: { text: '注册信息正在由单位审核。', action: '查看注册状态', path: '/registration' },
  'work-history': {
    text: '申报补贴前须维护工作经历：硕士、博士研究生维护现单位；本科生维护申报单位，跨区县就业的还要维护原单位。',
    action: '维护工作经历',
    path: '/profile/work-history',
  },
};

/** 办理进度: the applicant's steps so far, and the one thing to do next. */
export function ApplicantProgress({ progress }: { progress: ApplicantProgressView }) {
  const current = progress.steps.findIndex((step) => !step.done);
  const next = progress.next ? NEXT[progress.next] : null;
  return (
    <Card title={<h2 className="card-heading">办理进度</h2>} data-testid="applicant-progress">
      <Steps
        size="small"
        current={current === -1 ? progress.steps.length : current}
        items={progress.steps.map((step) => ({ title: step.label, status: step.done ? 'finish' : undefined }))}
      />
      {next ? (
        <div className="next-step" data-testid="next-step">
          <Typography.Paragraph>
            <Typography.Text strong>下一步：</Typography.Text>
            {next.text}
          </Typography.Paragraph>
          <Link to={next.path}>
            <Button type="primary">{next.action}</Button>
          </Link>
        </div>
      ) : (
        <Typography.Paragraph className="next-step" type="secondary" data-testid="next-step">
          目前的准备事项都已完成；工作经历有变化时，请及时在「维护工作经历」中更新。
        </Typography.Paragraph>
      )}
    </Card>
  );
}
