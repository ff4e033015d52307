import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../../attachments/attachments.module.js';
import { AttachmentsService } from '../../attachments/attachments.service.js';
import { AccountsModule } from '../accounts.module.js';
import { PersonMaterials } from './person-materials.js';
import { PersonsController } from './persons.controller.js';
import { PersonsRepository } from './persons.repository.js';
import { PersonsService } from './persons.service.js';

/** 个人注册 → 单位审核 (domain §3.2): reaches accounts and attachments only through their exported services. */
@Module({
  imports: [AccountsModule, AttachmentsModule],
  controllers: [PersonsController],
  providers: [
    PersonsRepository,
    PersonsService,
    // The port through which a registration shows its materials, answered by the attachments module.
    { provide: PersonMaterials, useExisting: AttachmentsService },
  ],
  exports: [PersonsService],
})
export class PersonsModule {}
