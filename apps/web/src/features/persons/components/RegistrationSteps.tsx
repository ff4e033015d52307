import { Steps } from 'antd';

const STEPS = ['用户须知', '填写注册信息', '上传证明材料', '注册并上报', '单位审核'];

/** Where the person is in 个人注册 (domain §3.2), from the notice to the unit's decision. */
export function RegistrationSteps({ current, status }: { current: number; status?: 'error' | 'finish' }) {
  return (
    <Steps
      className="registration-steps"
      size="small"
      current={current}
      status={status}
      responsive
      items={STEPS.map((title) => ({ title }))}
      aria-label="注册步骤"
    />
  );
}
