/** Operation-log actions (操作日志) with their Chinese names, for the auditor's page. */
export const OPERATION_ACTIONS = {
  STAFF_CREATE: '新建人员账号',
  STAFF_UPDATE: '修改人员账号',
  STAFF_DISABLE: '停用人员账号',
  STAFF_ENABLE: '启用人员账号',
  STAFF_RESET_PASSWORD: '重置人员密码',
  STAFF_UNLOCK: '解锁人员账号',
  COUNTY_CREATE: '新建区县',
  PROFILE_UPDATE: '修改账号信息',
  PASSWORD_CHANGE: '修改密码',
  EMAIL_CHANGE: '修改电子邮箱',
  PHONE_CHANGE: '更换手机号码',
  LOG_EXPORT: '导出日志',
  // Registration and the personal data it holds (issue 6): who decided or changed what.
  SELF_REGISTER: '注册账号',
  STATUS_TRANSITION: '审核与提交',
  REGISTRATION_UPDATE: '修改注册信息',
  MATERIAL_UPLOAD: '上传证明材料',
  MATERIAL_DELETE: '删除证明材料',
  WORK_HISTORY_CREATE: '新增工作经历',
  WORK_HISTORY_UPDATE: '修改工作经历',
  WORK_HISTORY_DELETE: '删除工作经历',
  POLICY_CHANGE: '修改政策参数',
  SANDBOX_CHANGE: '修改沙箱数据',
  APPLICATION_CREATE: '新建补贴申报',
  APPLICATION_UPDATE: '修改补贴申报',
  APPLICATION_DELETE: '删除补贴申报',
} as const;

export type OperationAction = keyof typeof OPERATION_ACTIONS;
