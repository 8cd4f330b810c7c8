import { Module } from '@nestjs/common';
import { RoundResultsModule } from '@laurel/api-round-results';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';

@Module({
  imports: [RoundResultsModule],
  controllers: [ExportController],
  providers: [ExportService],
})
export class ExportModule {}
