import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Result, Skeleton, Tooltip } from 'antd';
import { useState } from 'react';
import { WORK_HISTORY_MAX_ENTRIES, type WorkHistoryView } from '@butie/contracts';
import { PageShell } from '../../components/PageShell';
import { WorkHistoryCard } from '../../components/work-history/WorkHistoryCard';
import { errorText } from '../../lib/form-errors';
import { useDeleteWorkHistory } from './api/delete-work-history';
import { useMyWorkHistories } from './api/list-work-histories';
import { useRegisteredUnit } from './api/registered-unit';
import { WorkHistoryDialog, type DialogState } from './components/WorkHistoryDialog';
import './work-history.css';

/** The manual's own guidance (维护工作经历). */
const CROSS_COUNTY_GUIDANCE = '存在跨区县的本科生的请维护原单位和现单位，选择具体的区县；若不存在跨区县的本科生则只维护现单位即可。';

/**
 * 维护工作经历 (domain §5.2): the applicant's own entries, newest first, with their contract term
 * (合同满 3 年, domain §5.6 rule 1) and files; 新增, 修改 and 删除 in a dialog.
 */
export function WorkHistoryPage() {
  const list = useMyWorkHistories();
  const registeredUnit = useRegisteredUnit();
  const remove = useDeleteWorkHistory();
  const { modal, message } = App.useApp();
  const [dialog, setDialog] = useState<DialogState>({ open: false, entry: null, seq: 0 });

  const items = list.data?.items;
  const full = (items?.length ?? 0) >= WORK_HISTORY_MAX_ENTRIES;
  const open = (entry: WorkHistoryView | null) => setDialog((state) => ({ open: true, entry, seq: state.seq + 1 }));

  // The dialog waits for the deletion (its 删除 button spins) and closes when it is done.
  const confirmDelete = (entry: WorkHistoryView) =>
    void modal.confirm({
      title: `删除「${entry.unitName}」的工作经历？`,
      content: '删除后不能恢复。已上传的劳动合同和证明材料仍保留在「维护个人材料」中。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await remove.mutateAsync(entry.id);
          message.success('工作经历已删除');
        } catch (error) {
          message.error(errorText(error));
        }
      },
    });

  const addButton = (
    <Tooltip title={full ? `每人最多登记 ${WORK_HISTORY_MAX_ENTRIES} 条工作经历，请先删除不需要的记录` : undefined}>
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => open(null)} disabled={full} data-testid="add-work-history">
        新增工作经历
      </Button>
    </Tooltip>
  );

  return (
    <PageShell title="维护工作经历" description="申报补贴时，申报单位从工作经历中选择，与申报单位的劳动合同须满 3 年" extra={items && items.length > 0 && addButton}>
      {list.isLoading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : list.error || !items ? (
        <Result status="error" title="工作经历未能加载" subTitle={errorText(list.error)} extra={<Button onClick={() => void list.refetch()}>重试</Button>} />
      ) : items.length === 0 ? (
        <Card>
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <div className="wh-empty" data-testid="work-history-empty">
                <div className="wh-empty-title">还没有登记工作经历</div>
                <p>硕士研究生、博士研究生请维护现单位。</p>
                <p>{CROSS_COUNTY_GUIDANCE}</p>
              </div>
            }
          >
            {addButton}
          </Empty>
        </Card>
      ) : (
        <div className="detail-stack">
          <Alert type="info" showIcon title={CROSS_COUNTY_GUIDANCE} />
          {items.map((entry) => (
            <WorkHistoryCard
              key={entry.id}
              entry={entry}
              registeredUnitId={registeredUnit.data?.id}
              actions={{ onEdit: () => open(entry), onDelete: () => confirmDelete(entry) }}
            />
          ))}
        </div>
      )}
      <WorkHistoryDialog state={dialog} registeredUnit={registeredUnit.data} onClose={() => setDialog((state) => ({ ...state, open: false }))} />
    </PageShell>
  );
}
