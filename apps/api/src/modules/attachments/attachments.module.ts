import path from 'node:path';
import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { AttachmentsService } from './attachments.service.js';
import { AttachmentStorage } from './storage/attachment-storage.js';
import { LocalDiskStorage } from './storage/local-disk-storage.js';
import { S3Storage } from './storage/s3-storage.js';

/**
 * 证明材料: uploads, storage, preview and download (domain §3.2). Other modules reach it through
 * AttachmentsService (listForPerson for the persons module, findOwned for work history).
 */
@Module({
  // AccountsModule for SessionsService: the signed download links stand for the reader's session.
  imports: [AccountsModule],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsRepository,
    AttachmentsService,
    {
      provide: AttachmentStorage,
      inject: [AppConfig],
      useFactory: ({ attachments }: AppConfig): AttachmentStorage =>
        attachments.storage === 's3'
          ? new S3Storage(attachments.s3!, path.join(attachments.dataDir, '.incoming'))
          : new LocalDiskStorage(attachments.dataDir),
    },
  ],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
