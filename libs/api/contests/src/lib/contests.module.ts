import { Module } from '@nestjs/common';
import { ContestsController } from './contests.controller';
import { ContestsRepository } from './contests.repository';
import { ContestsService } from './contests.service';

@Module({
  controllers: [ContestsController],
  providers: [ContestsService, ContestsRepository],
  exports: [ContestsService, ContestsRepository],
})
export class ContestsModule {}
