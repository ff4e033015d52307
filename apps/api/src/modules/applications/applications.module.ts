import { Module } from '@nestjs/common';
import { PersonsModule } from '../accounts/persons/persons.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { PolicyModule } from '../policy/policy.module.js';
import { WorkHistoryModule } from '../work-history/work-history.module.js';
import { ApplicationDraftsService } from './application-drafts.service.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsRepository } from './applications.repository.js';
import { ApplicationsService } from './applications.service.js';
import { PublicEstimateController } from './public-estimate.controller.js';

@Module({
  imports: [PersonsModule, PolicyModule, WorkHistoryModule, AuditModule],
  controllers: [ApplicationsController, PublicEstimateController],
  providers: [ApplicationsService, ApplicationDraftsService, ApplicationsRepository],
})
export class ApplicationsModule {}
