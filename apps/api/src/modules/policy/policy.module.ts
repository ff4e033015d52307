import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { PolicyController } from './policy.controller.js';
import { PolicyRepository } from './policy.repository.js';
import { PolicyService } from './policy.service.js';

@Module({ imports: [AuditModule], controllers: [PolicyController], providers: [PolicyService, PolicyRepository], exports: [PolicyService] })
export class PolicyModule {}
