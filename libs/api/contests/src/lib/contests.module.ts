import { Module } from '@nestjs/common';
import { ContestsController } from './contests.controller';
import { ContestsService } from './contests.service';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';

@Module({
  controllers: [ContestsController, RoundsController],
  providers: [ContestsService, RoundsService],
  exports: [ContestsService],
})
export class ContestsModule {}
