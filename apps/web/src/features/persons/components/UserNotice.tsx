import { Typography } from 'antd';

/** 用户须知, shown before the registration form; registering needs 同意 (domain §3.2). */
export function UserNotice() {
  return (
    <div className="user-notice" tabIndex={0} aria-label="用户须知全文">
      <Typography.Paragraph>欢迎使用云州市大学生生活补贴网上申报系统。注册前请仔细阅读以下内容：</Typography.Paragraph>
      <ol>
        <li>
          注册前，您所在的单位须已在本系统注册并经所属区县人力资源和社会保障局审核通过。注册时请选择您目前所在的单位，注册信息提交后由该单位审核。
        </li>
        <li>
          您应如实填写账号信息和基本信息（证件、学历学位、民族、所在单位等），并上传真实、清晰的证明材料（身份证复印件正反面、学位证书、学历或国外学历证书、学历证书电子注册备案表、劳动合同等）。
          提供虚假信息或材料骗取补贴的，将依法依规追回补贴并追究责任。
        </li>
        <li>一个人只能注册一个账号：登录名、手机号码和证件号码均不能与已注册的账号重复。</li>
        <li>
          您填写的个人信息和上传的材料仅用于大学生生活补贴的审核与发放，由所在单位及各级审核部门在职责范围内查阅，系统对证件号码、手机号码等信息加密传输并在列表中脱敏显示。
        </li>
        <li>
          单位审核前，您可以登录查看注册状态；被退回的，可查看单位的审核意见，修改后再次提交。审核通过后，方可维护工作经历并申请补贴。
        </li>
        <li>请妥善保管登录名和密码，不要将账号借给他人使用。忘记密码时可在登录页通过注册手机号码找回。</li>
      </ol>
      <Typography.Paragraph type="secondary">点击「同意」即表示您已阅读并同意以上须知。</Typography.Paragraph>
    </div>
  );
}
