import { LoginEvent } from '../modules/audit/login-event.entity.js';
import { OperationLog } from '../modules/audit/operation-log.entity.js';
import { LoginFailure } from '../modules/accounts/login-failure.entity.js';
import { PasswordHistory } from '../modules/accounts/password-history.entity.js';
import { RefreshToken } from '../modules/accounts/refresh-token.entity.js';
import { Session } from '../modules/accounts/session.entity.js';
import { SmsCode } from '../modules/accounts/sms-code.entity.js';
import { User } from '../modules/accounts/user.entity.js';
import { Region } from '../modules/regions/region.entity.js';
import { Unit } from '../modules/units/unit.entity.js';

export const ENTITIES = [
  Region,
  Unit,
  User,
  PasswordHistory,
  Session,
  RefreshToken,
  LoginFailure,
  SmsCode,
  LoginEvent,
  OperationLog,
];
