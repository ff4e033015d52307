import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '../../config/app-config.js';
import { RegionsModule } from '../regions/regions.module.js';
import { AccountNoticesService } from './account-notices.service.js';
import { AccountService } from './account.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { JwtStrategy } from './jwt.strategy.js';
import { LoginLockService } from './login-lock.service.js';
import { MeController } from './me.controller.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordsService } from './passwords.service.js';
import { SessionsRepository } from './sessions.repository.js';
import { jwtKey, SessionsService } from './sessions.service.js';
import { SmsCodesService } from './sms-codes.service.js';
import { StaffController } from './staff.controller.js';
import { StaffService } from './staff.service.js';
import { UsersRepository } from './users.repository.js';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => ({ secret: jwtKey(config.auth.jwtSecret) }) }),
    RegionsModule,
  ],
  controllers: [AuthController, MeController, StaffController],
  providers: [
    AccountNoticesService,
    AccountService,
    AuthService,
    JwtStrategy,
    LoginLockService,
    PasswordHasher,
    PasswordsService,
    SessionsRepository,
    SessionsService,
    SmsCodesService,
    StaffService,
    UsersRepository,
  ],
  exports: [PasswordHasher, PasswordsService],
})
export class AccountsModule {}
