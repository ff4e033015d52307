import { CheckCircleOutlined, DeleteOutlined, EditOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { AttachmentView, WorkHistoryView } from '@butie/contracts';
import { MaterialList } from '../attachments/MaterialList';
import './work-history-card.css';

interface Props {
  entry: WorkHistoryView;
  /** The unit the applicant is registered under, to mark the entry at it. */
  registeredUnitId: string | undefined;
  /** The owner's 修改 and 删除; a reviewer reads the entry without them. */
  actions?: { onEdit: () => void; onDelete: () => void };
}

/** One entry: unit and county, dates, contract term with 合同满 3 年, its files (预览 / 下载), and for the owner 修改 and 删除. */
export function WorkHistoryCard({ entry, registeredUnitId, actions }: Props) {
  const current = entry.endDate === null;
  const files = filesOf(entry);
  const missing = [!entry.contract && '劳动合同', !entry.proof && '证明材料'].filter((what): what is string => !!what);

  return (
    <Card className="wh-entry" data-testid="work-history-entry">
      <div className="wh-entry-head">
        <div className="wh-entry-title">
          <h2 className="card-heading wh-unit-name">{entry.unitName}</h2>
          <div className="wh-entry-tags">
            <Tag>{entry.county.name}</Tag>
            {entry.unit === null && <Tag data-testid="manual-unit-tag">手动填写的单位</Tag>}
            {entry.unit !== null && entry.unit.id === registeredUnitId && <Tag color="geekblue">注册所在单位</Tag>}
            {current && <Tag color="processing">在职</Tag>}
            <ThreeYearTag lasts={entry.contractLastsThreeYears} />
          </div>
        </div>
        {actions && (
          <Space size={8} wrap className="wh-entry-actions">
            <Button icon={<EditOutlined aria-hidden />} onClick={actions.onEdit} aria-label={`修改「${entry.unitName}」的工作经历`}>
              修改
            </Button>
            <Button danger icon={<DeleteOutlined aria-hidden />} onClick={actions.onDelete} aria-label={`删除「${entry.unitName}」的工作经历`}>
              删除
            </Button>
          </Space>
        )}
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        className="wh-entry-facts"
        items={[
          { key: 'period', label: '任职时间', children: current ? `${entry.startDate} 至今（在职）` : `${entry.startDate} 至 ${entry.endDate}` },
          {
            key: 'contract',
            label: '劳动合同期限',
            children: entry.contractOpenEnded ? `${entry.contractStart} 起，无固定期限` : `${entry.contractStart} 至 ${entry.contractEnd}`,
          },
        ]}
      />
      {files.length > 0 && <MaterialList items={files} />}
      {missing.length > 0 && (
        <Typography.Text type="secondary" className="wh-missing" data-testid="missing-files">
          尚未上传：{missing.join('、')}
          {actions && '（点「修改」上传）'}
        </Typography.Text>
      )}
    </Card>
  );
}

/** 合同满 3 年 or not (domain §5.6 rule 1), as the API judged it; the same colours in the list and the form. */
export function ThreeYearTag({ lasts }: { lasts: boolean }) {
  return lasts ? (
    <Tag color="success" icon={<CheckCircleOutlined aria-hidden />} data-testid="three-years-tag">
      合同满 3 年
    </Tag>
  ) : (
    <Tag color="warning" icon={<ExclamationCircleOutlined aria-hidden />} data-testid="three-years-tag">
      合同不满 3 年
    </Tag>
  );
}


/**
 * The entry's files, each named by the part it plays here (a 证明材料 may be of the kind 其他; one
 * file may be both), listed once.
 */
function filesOf(entry: WorkHistoryView): AttachmentView[] {
  const { contract, proof } = entry;
  if (contract && proof && contract.id === proof.id) return [{ ...contract, kindLabel: '劳动合同、证明材料' }];
  return [contract && { ...contract, kindLabel: '劳动合同' }, proof && { ...proof, kindLabel: '证明材料' }].filter((file): file is AttachmentView => file !== null);
}
