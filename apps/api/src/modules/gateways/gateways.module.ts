import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig } from '../../config/app-config.js';
import { HttpSmsGateway } from './sms/http-sms.gateway.js';
import { SandboxSmsController } from './sms/sandbox-sms.controller.js';
import { SandboxSmsGateway } from './sms/sandbox-sms.gateway.js';
import { SmsGateway } from './sms/sms-gateway.js';

/** Outside systems (domain §7). The provider is chosen by configuration; sandbox by default. */
@Module({})
export class GatewaysModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    const sandbox = config.sms.provider === 'sandbox';
    return {
      module: GatewaysModule,
      global: true,
      controllers: sandbox ? [SandboxSmsController] : [],
      providers: sandbox
        ? [SandboxSmsGateway, { provide: SmsGateway, useExisting: SandboxSmsGateway }]
        : [
            {
              provide: SmsGateway,
              useValue: new HttpSmsGateway(
                { url: config.sms.httpUrl!, token: config.sms.httpToken, timeoutMs: config.sms.httpTimeoutMs, retries: config.sms.httpRetries },
                logger,
              ),
            },
          ],
      exports: [SmsGateway],
    };
  }
}
