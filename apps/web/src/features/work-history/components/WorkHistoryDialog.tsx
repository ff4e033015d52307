import { Alert, App, Checkbox, Col, Divider, Form, Input, Modal, Row, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { WORK_HISTORY_CONTRACT_KINDS, WORK_HISTORY_PROOF_KINDS, WORK_HISTORY_UNIT_NAME_MAX, type WorkHistoryDates, type WorkHistoryView } from '@butie/contracts';
import { DayField, notInFuture } from '../../../components/DayField';
import { useCounties } from '../../../components/unit-picker/api/list-counties';
import { UnitPicker, type PickedUnit } from '../../../components/unit-picker/UnitPicker';
import { ApiError } from '../../../lib/api-client';
import { errorText, showFieldErrors } from '../../../lib/form-errors';
import { hasNamePath, toNamePath } from '../../../lib/name-path';
import { useCreateWorkHistory } from '../api/create-work-history';
import type { RegisteredUnit } from '../api/registered-unit';
import { useUpdateWorkHistory } from '../api/update-work-history';
import { canShareFile, dateProblems, requestOf, valuesOf, type EntryValues } from '../entry-form';
import { AttachmentChooser } from './AttachmentChooser';
import { ContractTermNote } from './ContractTermNote';

const FORM_ID = 'work-history-entry';

export interface DialogState {
  open: boolean;
  /** The entry being changed; null for 新增. */
  entry: WorkHistoryView | null;
  /** A new form each time the dialog opens. */
  seq: number;
}

interface Props {
  state: DialogState;
  registeredUnit: RegisteredUnit | undefined;
  onClose: () => void;
}

/**
 * 新增 / 修改工作经历 in a dialog that stays open until the API has taken the entry: its field errors
 * go next to the fields, any other refusal (with the rule it names) above the form.
 */
export function WorkHistoryDialog({ state, registeredUnit, onClose }: Props) {
  const create = useCreateWorkHistory();
  const update = useUpdateWorkHistory();
  const pending = create.isPending || update.isPending;
  return (
    <Modal
      open={state.open}
      title={state.entry ? '修改工作经历' : '新增工作经历'}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ htmlType: 'submit', form: FORM_ID, 'data-testid': 'work-history-save' }}
      confirmLoading={pending}
      onCancel={onClose}
      closable={!pending}
      mask={{ closable: false }}
      width={{ xs: '100%', md: 800 }}
      className="wh-dialog"
      destroyOnHidden
    >
      <EntryForm
        key={state.seq}
        entry={state.entry}
        registeredUnit={registeredUnit}
        save={async (request) => {
          if (state.entry) await update.mutateAsync({ id: state.entry.id, change: request });
          else await create.mutateAsync(request);
        }}
        onSaved={onClose}
      />
    </Modal>
  );
}

function EntryForm({
  entry,
  registeredUnit,
  save,
  onSaved,
}: {
  entry: WorkHistoryView | null;
  registeredUnit: RegisteredUnit | undefined;
  save: (request: ReturnType<typeof requestOf>) => Promise<void>;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<EntryValues>();
  const { message } = App.useApp();
  const counties = useCounties();
  const [refusal, setRefusal] = useState<{ text: string; onFields: boolean } | null>(null);
  const refusalBox = useRef<HTMLDivElement>(null);
  // A refusal with no field of its own is read at the top, far from 保存 on a phone: bring it into view.
  useEffect(() => {
    if (refusal && !refusal.onFields) refusalBox.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [refusal]);
  const [picked, setPicked] = useState<PickedUnit | null>(entry?.unit ? { ...entry.unit, county: entry.county } : null);

  const manualUnit = Form.useWatch('manualUnit', form) ?? entry?.unit === null;
  const unitId = Form.useWatch('unitId', form);
  const startDate = Form.useWatch('startDate', form);
  const endDate = Form.useWatch('endDate', form);
  const contractStart = Form.useWatch('contractStart', form);
  const contractEnd = Form.useWatch('contractEnd', form);
  const contractOpenEnded = Form.useWatch('contractOpenEnded', form) ?? false;
  const sameFile = Form.useWatch('sameFile', form) ?? false;
  const shareable = canShareFile({ manualUnit, unitId, endDate }, registeredUnit?.id);
  const sharing = shareable && sameFile;

  const submit = async (values: EntryValues) => {
    setRefusal(null);
    try {
      await save(requestOf(values, registeredUnit?.id));
      message.success(entry ? '工作经历已保存' : '工作经历已新增');
      onSaved();
    } catch (error) {
      // The API names its own fields; where the form shows that choice under another field, it goes there.
      const fieldOf: Record<string, string> = {
        ...(values.manualUnit ? { unitId: 'unitName' } : { unitName: 'unitId', countyId: 'unitId' }),
        ...(sharing ? { proofAttachmentId: 'sameFile' } : {}),
      };
      if (!(error instanceof ApiError) || !showFieldErrors(form, error, fieldOf)) return setRefusal({ text: errorText(error), onFields: false });
      const registered: unknown = form.getFieldsValue();
      const placed = error.fields.filter(({ field }) => hasNamePath(registered, toNamePath(fieldOf[field] ?? field)));
      const unplaced = error.fields.filter((problem) => !placed.includes(problem)).map((problem) => problem.message);
      setRefusal({ text: unplaced.length > 0 ? unplaced.join('；') : error.code === 'VALIDATION_FAILED' ? '请按标红处的提示修改后再保存' : error.detail, onFields: true });
      form.scrollToField(toNamePath(fieldOf[placed[0].field] ?? placed[0].field));
    }
  };

  const dateRule = (field: keyof WorkHistoryDates) => ({ getFieldsValue }: { getFieldsValue: (all: true) => Partial<EntryValues> }) => ({
    validator: async () => {
      const problems = dateProblems(getFieldsValue(true), field);
      if (problems.length > 0) throw new Error(problems[0]);
    },
  });

  return (
    <>
      <div ref={refusalBox}>{refusal && <Alert type="error" showIcon title={refusal.text} className="page-alert" data-testid="work-history-error" />}</div>
      <Form<EntryValues>
        form={form}
        name={FORM_ID}
        layout="vertical"
        initialValues={valuesOf(entry)}
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Partial<EntryValues>) => {
          // 无固定期限 and an end date exclude each other: choosing one clears the other.
          if (changed.contractOpenEnded === true) form.setFieldValue('contractEnd', null);
          if (changed.contractEnd && form.getFieldValue('contractOpenEnded') === true) form.setFieldValue('contractOpenEnded', false);
        }}
        scrollToFirstError
        requiredMark
      >
        <Divider titlePlacement="start" className="wh-section">
          工作单位
        </Divider>
        <div className="wh-switch-line">
          <Form.Item name="manualUnit" valuePropName="checked" noStyle>
            <Switch id="wh-manual-unit" aria-label="单位未在系统中注册，手动填写" data-testid="manual-unit-switch" />
          </Form.Item>
          <label htmlFor="wh-manual-unit">单位未在系统中注册，手动填写</label>
        </div>
        {manualUnit ? (
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Form.Item name="unitName" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
                <Input maxLength={WORK_HISTORY_UNIT_NAME_MAX} placeholder="请填写单位全称" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="countyId" label="所在县区" rules={[{ required: true, message: '请选择单位所在县区' }]}>
                <Select
                  placeholder="请选择县区"
                  loading={counties.isLoading}
                  options={(counties.data ?? []).map((county) => ({ value: county.id, label: county.name }))}
                  notFoundContent={counties.error ? errorText(counties.error) : '暂无县区'}
                />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Form.Item
            name="unitId"
            label="单位名称"
            rules={[{ required: true, message: '请从单位列表中选择单位；列表中没有时，请打开上方的「手动填写」' }]}
            extra={
              picked && picked.id === unitId ? (
                <span data-testid="picked-county">
                  所在县区：{picked.county.name}
                  {picked.id === registeredUnit?.id ? '（注册所在单位）' : ''}
                </span>
              ) : (
                '可按区县筛选，输入单位名称或统一社会信用代码搜索审核通过的单位'
              )
            }
          >
            <UnitPicker current={picked} onPick={setPicked} aria-label="单位名称" />
          </Form.Item>
        )}

        <Divider titlePlacement="start" className="wh-section">
          任职时间
        </Divider>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="startDate" label="入职日期" validateFirst rules={[{ required: true, message: '请选择入职日期' }, dateRule('startDate')]}>
              <DayField disabledDate={notInFuture} placeholder="请选择入职日期" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="endDate" label="离职日期" dependencies={['startDate']} rules={[dateRule('endDate')]} extra="目前仍在该单位工作的，离职日期留空">
              <DayField disabledDate={(day: Dayjs) => notInFuture(day) || (!!startDate && day.format('YYYY-MM-DD') < startDate)} placeholder="目前在职请留空" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" className="wh-section">
          劳动合同
        </Divider>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="contractStart" label="合同起始日期" validateFirst rules={[{ required: true, message: '请选择劳动合同起始日期' }, dateRule('contractStart')]}>
              <DayField placeholder="请选择合同起始日期" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="合同终止日期" required={!contractOpenEnded} className="wh-contract-end">
              <Form.Item name="contractEnd" noStyle dependencies={['contractStart', 'contractOpenEnded']} rules={[dateRule('contractEnd')]}>
                <DayField
                  aria-label="合同终止日期"
                  disabledDate={(day: Dayjs) => !!contractStart && day.format('YYYY-MM-DD') < contractStart}
                  placeholder={contractOpenEnded ? '无固定期限，不填写' : '请选择合同终止日期'}
                />
              </Form.Item>
              <Form.Item name="contractOpenEnded" valuePropName="checked" noStyle>
                <Checkbox className="wh-open-ended" data-testid="contract-open-ended">
                  无固定期限
                </Checkbox>
              </Form.Item>
            </Form.Item>
          </Col>
        </Row>
        <ContractTermNote contractStart={contractStart} contractEnd={contractEnd} contractOpenEnded={contractOpenEnded} />

        <Divider titlePlacement="start" className="wh-section">
          材料
        </Divider>
        <Typography.Paragraph type="secondary" className="wh-files-hint">
          支持 PDF、JPG、PNG 文件。可以选择已上传的文件，也可以上传新文件。
        </Typography.Paragraph>
        <Form.Item name="contractAttachmentId" label="劳动合同">
          <AttachmentChooser kinds={WORK_HISTORY_CONTRACT_KINDS} uploadKind="LABOUR_CONTRACT" what="劳动合同" known={[entry?.contract ?? null]} testId="contract-file" />
        </Form.Item>
        {shareable && (
          <Form.Item name="sameFile" valuePropName="checked" extra="目前在职且为注册所在单位时，可以用同一份文件同时作为劳动合同和证明材料">
            <Checkbox data-testid="same-file">证明材料与劳动合同使用同一文件</Checkbox>
          </Form.Item>
        )}
        {!sharing && (
          <Form.Item name="proofAttachmentId" label="证明材料">
            <AttachmentChooser kinds={WORK_HISTORY_PROOF_KINDS} uploadKind="EMPLOYMENT_PROOF" what="证明材料" known={[entry?.proof ?? null]} testId="proof-file" />
          </Form.Item>
        )}
      </Form>
    </>
  );
}
