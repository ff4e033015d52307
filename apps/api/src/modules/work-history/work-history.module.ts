import { Module } from '@nestjs/common';
import { PersonsModule } from '../accounts/persons/persons.module.js';
import { WorkHistoryController } from './work-history.controller.js';
import { WorkHistoryRepository } from './work-history.repository.js';
import { WorkHistoryService } from './work-history.service.js';

/**
 * 维护工作经历 (domain §5.2). Exports its service so that the attachments module can ask whether a
 * file is in use, and the application flow can later read an applicant's entries.
 */
@Module({
  imports: [PersonsModule],
  controllers: [WorkHistoryController],
  providers: [WorkHistoryRepository, WorkHistoryService],
  exports: [WorkHistoryService],
})
export class WorkHistoryModule {}
