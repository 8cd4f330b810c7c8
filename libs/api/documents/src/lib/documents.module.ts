import { Module } from '@nestjs/common';
import { RoundResultsModule } from '@laurel/api-round-results';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

@Module({
  imports: [RoundResultsModule],
  controllers: [DocumentsController],
  providers: [DocumentsService],
})
export class DocumentsModule {}
