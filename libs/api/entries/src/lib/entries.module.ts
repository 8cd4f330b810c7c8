import { Module } from '@nestjs/common';
import { StorageModule } from '@laurel/api-storage';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { ContestEntriesController } from './contest-entries.controller';
import { EntriesController } from './entries.controller';
import { EntriesService } from './entries.service';
import { EntryAccess } from './entry-access.service';
import { EntryMail } from './entry-mail';
import { ScreeningService } from './screening.service';
import { EntriesExportService } from './workbooks/entries-export.service';
import { EntriesImportService } from './workbooks/entries-import.service';

/** Applicant entries, their files, and the organizer's screening, import and export of them. */
@Module({
  imports: [StorageModule],
  controllers: [ContestEntriesController, EntriesController, AttachmentsController],
  providers: [EntryAccess, EntryMail, EntriesService, AttachmentsService, ScreeningService, EntriesExportService, EntriesImportService],
})
export class EntriesModule {}
