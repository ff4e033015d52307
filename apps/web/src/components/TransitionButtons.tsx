import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { availableActions, OPINION_MAX_LENGTH, permissionsOf, type Transition, type TransitionTable } from '@butie/contracts';
import { useSession } from '../app/use-session';
import { ApiError } from '../lib/api-client';
import { errorText } from '../lib/form-errors';

interface Props<S extends string, A extends string> {
  /** The status machine of contracts (e.g. UNIT_REGISTRATION_TRANSITIONS): the buttons come from it. */
  table: TransitionTable<S, A>;
  status: S;
  /** The Chinese name of each action (the button and the dialog's title). */
  labels: Record<A, string>;
  /** What is decided, for the dialog: e.g. 「云州示范科技有限公司」的单位注册. */
  subject: string;
  /** The calls this page makes; an action without one is not shown here (e.g. the owner's 重新提交). */
  run: Partial<Record<A, (opinion: string | undefined) => Promise<unknown>>>;
  /** After a decision, and after a 409 (someone acted first): reload the record. */
  onSettled: () => void;
}

/**
 * The decision buttons of a record, derived from its transition table and the user's permissions
 * (availableActions), each confirmed in a dialog that names what is decided; an action whose row
 * says opinionRequired asks for the 审核意见 and cannot be sent without one. A 409 (another reviewer
 * acted first) says so with the current status and reloads the record.
 */
export function TransitionButtons<S extends string, A extends string>({ table, status, labels, subject, run, onSettled }: Props<S, A>) {
  const user = useSession()!.user;
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState<Transition<S, A> | null>(null);
  const [form] = Form.useForm<{ opinion?: string }>();
  const [busy, setBusy] = useState(false);
  const actions = availableActions(table, status, permissionsOf(user)).filter((action) => run[action]);
  if (actions.length === 0) return null;

  const decide = async (row: Transition<S, A>) => {
    // A missing opinion is shown on its field by the form; nothing is sent.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      await run[row.action]!(values.opinion?.trim() || undefined);
      message.success(`已${labels[row.action]}`);
      setOpen(null);
      onSettled();
    } catch (error) {
      // STATUS_CHANGED (another reviewer acted meanwhile) or TRANSITION_NOT_ALLOWED (the page showed
      // an older status): either way the record moved on, and the dialog's question is moot.
      if (error instanceof ApiError && error.status === 409) {
        setOpen(null);
        modal.warning({ title: '已被他人处理', content: error.detail, okText: '知道了' });
        onSettled();
      } else {
        message.error(errorText(error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Space wrap>
        {actions.map((action) => {
          const row = table.find((r) => r.from === status && r.action === action)!;
          return (
            <Button
              key={action}
              type={row.opinionRequired ? 'default' : 'primary'}
              danger={row.opinionRequired}
              data-testid={`action-${action}`}
              onClick={() => {
                form.resetFields();
                setOpen(row);
              }}
            >
              {labels[action]}
            </Button>
          );
        })}
      </Space>
      <Modal
        open={open !== null}
        title={open ? `${labels[open.action]}：${subject}` : ''}
        okText={open ? `确认${labels[open.action]}` : '确认'}
        okButtonProps={{ danger: open?.opinionRequired, loading: busy }}
        cancelText="取消"
        onOk={() => open && void decide(open)}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="opinion"
            label="审核意见"
            rules={open?.opinionRequired ? [{ required: true, whitespace: true, message: '请填写审核意见，告知需要修改的内容' }] : []}
            extra={open?.opinionRequired ? '退回时必须填写，申请方将看到这段意见' : '选填'}
          >
            <Input.TextArea rows={4} maxLength={OPINION_MAX_LENGTH} showCount placeholder={open?.opinionRequired ? '请一次性写明需要修改的内容' : '可不填'} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
