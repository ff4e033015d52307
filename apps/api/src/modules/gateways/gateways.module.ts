import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig } from '../../config/app-config.js';
import { AuditModule } from '../audit/audit.module.js';
import { DegreeVerificationGateway } from './degrees/degree-gateway.js';
import { HttpDegreeVerificationGateway } from './degrees/http-degree.gateway.js';
import { SandboxDegreeVerificationGateway } from './degrees/sandbox-degree.gateway.js';
import { SandboxDegreesController, SandboxSocialSecurityController } from './sandbox/sandbox-records.controller.js';
import { SandboxRecordsRepository } from './sandbox/sandbox-records.repository.js';
import { SandboxRecordsService } from './sandbox/sandbox-records.service.js';
import { HttpSmsGateway } from './sms/http-sms.gateway.js';
import { SandboxSmsController } from './sms/sandbox-sms.controller.js';
import { SandboxSmsGateway } from './sms/sandbox-sms.gateway.js';
import { SmsGateway } from './sms/sms-gateway.js';
import { HttpSocialSecurityGateway } from './social-security/http-social-security.gateway.js';
import { SandboxSocialSecurityGateway } from './social-security/sandbox-social-security.gateway.js';
import { SocialSecurityGateway } from './social-security/social-security-gateway.js';

/**
 * Outside systems (domain §7): SMS, 社保系统 and 教育部学历查询. Each provider is chosen by
 * configuration, the sandbox by default in demo mode; a sandbox's routes (its outbox, its 沙箱数据)
 * exist only while that sandbox is on.
 */
@Module({})
export class GatewaysModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    const { socialSecurity, degree, resilience } = config.gateways;
    const smsSandbox = config.sms.provider === 'sandbox';
    const controllers: Type[] = [];
    const providers: Provider[] = [SandboxRecordsRepository, SandboxRecordsService];

    if (smsSandbox) {
      controllers.push(SandboxSmsController);
      providers.push(SandboxSmsGateway, { provide: SmsGateway, useExisting: SandboxSmsGateway });
    } else {
      const sms = config.sms;
      providers.push({
        provide: SmsGateway,
        useValue: new HttpSmsGateway({ url: sms.httpUrl!, token: sms.httpToken, timeoutMs: sms.httpTimeoutMs, retries: sms.httpRetries }, logger),
      });
    }
    if (socialSecurity === null) {
      controllers.push(SandboxSocialSecurityController);
      providers.push({ provide: SocialSecurityGateway, useClass: SandboxSocialSecurityGateway });
    } else {
      providers.push({ provide: SocialSecurityGateway, useValue: new HttpSocialSecurityGateway(socialSecurity, resilience) });
    }
    if (degree === null) {
      controllers.push(SandboxDegreesController);
      providers.push({ provide: DegreeVerificationGateway, useClass: SandboxDegreeVerificationGateway });
    } else {
      providers.push({ provide: DegreeVerificationGateway, useValue: new HttpDegreeVerificationGateway(degree, resilience) });
    }

    return {
      module: GatewaysModule,
      global: true,
      imports: [AuditModule],
      controllers,
      providers,
      exports: [SmsGateway, SocialSecurityGateway, DegreeVerificationGateway],
    };
  }
}
