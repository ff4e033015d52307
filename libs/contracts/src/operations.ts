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
} as const;

export type OperationAction = keyof typeof OPERATION_ACTIONS;
