import { Global, Module } from '@nestjs/common';
import { AttachmentsRepository } from './attachments.repository';
import { ContestsRepository } from './contests.repository';
import { EntriesRepository } from './entries.repository';
import { RoundsRepository } from './rounds.repository';
import { UsersRepository } from './users.repository';

const REPOSITORIES = [ContestsRepository, RoundsRepository, UsersRepository, EntriesRepository, AttachmentsRepository];

/** Every query lives in a repository; feature modules inject them from here. */
@Global()
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class RepositoriesModule {}
