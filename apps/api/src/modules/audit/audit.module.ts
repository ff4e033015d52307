import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditLogsRepository } from './audit-logs.repository.js';
import { AuditService } from './audit.service.js';

@Global()
@Module({ controllers: [AuditController], providers: [AuditService, AuditLogsRepository], exports: [AuditService] })
export class AuditModule {}
