import { Alert, Button, Form, Input, Space } from 'antd';
import { POLICY_NOTE_MAX } from '@butie/contracts';

/**
 * The end of both policy forms: 修改说明 (why it changed, kept in the history with who and when),
 * what the check or the API refused, and the buttons.
 */
export function PolicyFormFooter({ refusal, saving, onCancel }: { refusal: string | null; saving: boolean; onCancel: () => void }) {
  return (
    <>
      <Form.Item
        name="note"
        label="修改说明"
        extra="例如依据的文件名称和文号；记入修改历史"
        rules={[
          { required: true, whitespace: true, message: '请填写修改说明' },
          { max: POLICY_NOTE_MAX, message: `修改说明最多 ${POLICY_NOTE_MAX} 字` },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={POLICY_NOTE_MAX} showCount />
      </Form.Item>
      {refusal && <Alert type="error" showIcon title={refusal} className="form-alert" role="alert" />}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存为新版本
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Space>
    </>
  );
}
