import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '../../config/app-config.js';
import { RegionsModule } from '../regions/regions.module.js';
import { AccountRegistrationService } from './account-registration.service.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthService } from './auth/auth.service.js';
import { JwtStrategy } from './auth/jwt.strategy.js';
import { LoginLockRepository } from './auth/login-lock.repository.js';
import { LoginLockService } from './auth/login-lock.service.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { PasswordResetController } from './passwords/password-reset.controller.js';
import { PasswordResetService } from './passwords/password-reset.service.js';
import { PasswordsService } from './passwords/passwords.service.js';
import { MeController } from './profile/me.controller.js';
import { ProfileService } from './profile/profile.service.js';
import { SessionsRepository } from './sessions/sessions.repository.js';
import { jwtKey, SessionsService } from './sessions/sessions.service.js';
import { AccountNoticesService } from './sms/account-notices.service.js';
import { SmsCodesRepository } from './sms/sms-codes.repository.js';
import { SmsCodesService } from './sms/sms-codes.service.js';
import { StaffController } from './staff/staff.controller.js';
import { StaffRepository } from './staff/staff.repository.js';
import { StaffService } from './staff/staff.service.js';
import { UsersRepository } from './users/users.repository.js';

/**
 * Accounts by sub-domain: auth/ (sign-in, lock), sessions/ (tokens), passwords/ (rules, 忘记密码),
 * sms/ (codes, notices), profile/ (账号管理), staff/ (人员账号), users/ (the accounts table), persons/
 * (个人注册, its own module). Other modules use the exported services only.
 */
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => ({ secret: jwtKey(config.auth.jwtSecret) }) }),
    RegionsModule,
  ],
  controllers: [AuthController, PasswordResetController, MeController, StaffController],
  providers: [
    AccountNoticesService,
    AccountRegistrationService,
    AuthService,
    JwtStrategy,
    LoginLockRepository,
    LoginLockService,
    PasswordHasher,
    PasswordResetService,
    PasswordsService,
    ProfileService,
    SessionsRepository,
    SessionsService,
    SmsCodesRepository,
    SmsCodesService,
    StaffRepository,
    StaffService,
    UsersRepository,
  ],
  exports: [PasswordHasher, PasswordsService, AccountRegistrationService, SessionsService],
})
export class AccountsModule {}
