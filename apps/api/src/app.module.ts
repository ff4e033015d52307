import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { AppConfig } from './config/app-config.js';
import { JwtAuthGuard } from './common/auth/jwt-auth.guard.js';
import { PermissionGuard } from './common/auth/permission.guard.js';
import { ProblemFilter } from './common/errors/problem.filter.js';
import { ROOT_LOGGER } from './common/logging/logger.js';
import { MemoryRateLimiter, RateLimiter } from './common/rate-limit/rate-limiter.js';
import { RedisRateLimiter } from './common/rate-limit/redis-rate-limiter.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { UnitOfWork } from './database/unit-of-work.js';
import { ScopedAccess } from './common/access/scoped-access.js';
import { GuardedTransitions } from './common/workflow/guarded-transition.js';
import { StatusTrailRepository } from './common/workflow/status-trail.repository.js';
// Every module's error table, registered before the first request.
import './error-catalogue.js';
import { AppInfoController } from './health/app-info.controller.js';
import { HealthController } from './health/health.controller.js';
import { AccountsModule } from './modules/accounts/accounts.module.js';
import { ApplicationsModule } from './modules/applications/applications.module.js';
import { PersonsModule } from './modules/accounts/persons/persons.module.js';
import { AttachmentsModule } from './modules/attachments/attachments.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { DashboardModule } from './modules/dashboard/dashboard.module.js';
import { GatewaysModule } from './modules/gateways/gateways.module.js';
import { PolicyModule } from './modules/policy/policy.module.js';
import { RegionsModule } from './modules/regions/regions.module.js';
import { UnitRegistrationsModule } from './modules/units/unit-registrations.module.js';
import { UnitsModule } from './modules/units/units.module.js';
import { WorkHistoryModule } from './modules/work-history/work-history.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  logger: Logger;
  databaseUrl: string;
}

@Global()
@Module({})
class CoreModule {
  static forRoot({ config, logger }: AppModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: ROOT_LOGGER, useValue: logger },
        {
          provide: RateLimiter,
          useFactory: () => (config.redisUrl ? new RedisRateLimiter(config.redisUrl, logger) : new MemoryRateLimiter()),
        },
        UnitOfWork,
        ScopedAccess,
        StatusTrailRepository,
        GuardedTransitions,
      ],
      exports: [AppConfig, ROOT_LOGGER, RateLimiter, UnitOfWork, ScopedAccess, StatusTrailRepository, GuardedTransitions],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: options.databaseUrl,
            poolSize: config.database.poolSize,
            connectTimeoutMs: config.database.connectTimeoutMs,
            statementTimeoutMs: config.database.statementTimeoutMs,
          }),
          // Migrations run before the app is built (see bootstrap); the module only connects.
          retryAttempts: 0,
        }),
        GatewaysModule.forRoot(config, options.logger),
        AuditModule,
        UnitsModule,
        UnitRegistrationsModule,
        RegionsModule,
        AccountsModule,
        PersonsModule,
        AttachmentsModule,
        WorkHistoryModule,
        DashboardModule,
        PolicyModule,
        ApplicationsModule,
      ],
      controllers: [HealthController, AppInfoController],
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
