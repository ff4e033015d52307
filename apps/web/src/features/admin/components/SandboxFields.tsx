import { Form, Input, Switch } from 'antd';

/** The two fields every sandbox record has besides its data: the simulated outage and the case it shows. */
export function SandboxFields() {
  return (
    <>
      <Form.Item name="unavailable" label="模拟接口不可用" valuePropName="checked" extra="打开后，查询这条记录如同外部系统故障：申报人会看到“暂时无法访问，请稍后再试”">
        <Switch />
      </Form.Item>
      <Form.Item name="caseNote" label="说明" extra="这条记录演示的情形" rules={[{ max: 200, message: '说明最多 200 字' }]}>
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}
