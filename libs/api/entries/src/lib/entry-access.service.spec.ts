import { randomUUID } from 'node:crypto';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, type AuthUser } from '@laurel/api-core';
import {
  AccessRepository,
  AuditRepository,
  ContestsRepository,
  dataSourceOptions,
  EntriesRepository,
  UsersRepository,
} from '@laurel/api-database';
import type { Role } from '@laurel/contracts';
import { EntryAccess } from './entry-access.service';
import { startThrowawayPostgres, type ThrowawayPostgres } from '@laurel/api-database/testing';

/**
 * EntryAccess with its repositories on a real PostgreSQL (a throwaway embedded one, in a process
 * of its own): every kind of caller against an entry and its contest, as the database holds them.
 */
describe(EntryAccess.name, () => {
  let postgres: ThrowawayPostgres | undefined;
  let app: INestApplicationContext;
  let sut: EntryAccess;
  const people: Record<'owner' | 'otherOrganizer' | 'admin' | 'applicant' | 'otherApplicant' | 'judge', AuthUser> = {} as never;
  let contestId: string;
  let entryId: string;
  let importedEntryId: string;

  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    const url = postgres.url;
    @Module({
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions({ url, poolMax: 4 }), logging: false })],
      providers: [EntryAccess, EntriesRepository, AuditRepository, AccessRepository, ContestsRepository, UsersRepository],
    })
    class EntryAccessUnderTest {}
    app = await NestFactory.createApplicationContext(EntryAccessUnderTest, { logger: ['error'], abortOnError: false });
    await app.get(DataSource).runMigrations({ transaction: 'each' });
    sut = app.get(EntryAccess);

    const users = app.get(UsersRepository);
    const person = async (key: keyof typeof people, ...roles: Role[]) => {
      const user = await users.insertIfNew({ email: `${key}@example.test`, passwordHash: 'x', displayName: key, roles });
      if (!user) throw new Error(`could not create ${key}`);
      people[key] = { id: user.id, email: user.email, displayName: user.displayName, roles };
    };
    await person('owner', 'organizer');
    await person('otherOrganizer', 'organizer');
    await person('admin', 'admin');
    await person('applicant', 'applicant');
    await person('otherApplicant', 'applicant');
    await person('judge', 'judge');

    const contest = await app.get(ContestsRepository).create(people.owner.id, {
      name: 'Access',
      slug: 'access-2026',
      year: 2026,
      submissionOpensAt: '2026-01-01T00:00:00Z',
      submissionClosesAt: '2026-12-31T00:00:00Z',
      categories: [{ name: 'Ideas' }],
      prizes: [],
    });
    const categoryId = contest?.categories.at(0)?.id;
    if (!contest || !categoryId) throw new Error('could not create the contest');
    contestId = contest.contest.id;
    const entry = await app.get(EntriesRepository).createDraft(contestId, people.applicant.id, { categoryId, title: 'Rice husk bricks' });
    if (!entry) throw new Error('could not create the entry');
    entryId = entry.id;
    // An entry brought in by the organizer's import has no owner account.
    const [imported] = await app
      .get(DataSource)
      .query(`INSERT INTO entries (contest_id, category_id, owner_id, title) VALUES ($1, $2, NULL, 'Imported') RETURNING id`, [
        contestId,
        categoryId,
      ]);
    importedEntryId = (imported as { id: string }).id;
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await postgres?.stop();
  }, 60_000);

  /** The code of the refusal `work` throws (and its status), or 'allowed'. */
  async function outcome(work: () => Promise<unknown>): Promise<string> {
    try {
      await work();
      return 'allowed';
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return `${error.getStatus()} ${error.code}`;
    }
  }

  it('lets the owner and the contest’s managers read an entry; nobody else learns it exists', async () => {
    const read = (who: AuthUser, id = entryId) => outcome(() => sut.readable(who, id));
    expect(await read(people.applicant)).toBe('allowed');
    expect(await read(people.owner)).toBe('allowed');
    expect(await read(people.admin)).toBe('allowed');
    expect(await read(people.otherOrganizer)).toBe('404 entry.not_found');
    expect(await read(people.otherApplicant)).toBe('404 entry.not_found');
    expect(await read(people.judge)).toBe('404 entry.not_found');
    // The contest's owner whose organizer role was taken away (the token says so) manages nothing.
    expect(await read({ ...people.owner, roles: ['applicant'] })).toBe('404 entry.not_found');
    // Another person's entry looks exactly like an entry that does not exist.
    expect(await read(people.otherApplicant)).toBe(await read(people.applicant, randomUUID()));
  });

  it('tells the reader whether they read it as a manager (what the entry view shows depends on it)', async () => {
    expect((await sut.readable(people.applicant, entryId)).managed).toBe(false);
    expect((await sut.readable(people.owner, entryId)).managed).toBe(true);
    expect((await sut.readable(people.admin, entryId)).managed).toBe(true);
  });

  it('lets only the owner change an entry; a manager who may read it is told why not (403)', async () => {
    const change = (who: AuthUser) => outcome(() => sut.owned(who, entryId, 'change it'));
    expect(await change(people.applicant)).toBe('allowed');
    expect(await change(people.owner)).toBe('403 entry.owner_only');
    expect(await change(people.admin)).toBe('403 entry.owner_only');
    expect(await change(people.otherApplicant)).toBe('404 entry.not_found');
    expect(await change(people.judge)).toBe('404 entry.not_found');
  });

  it('gives an imported entry (no owner) to the contest’s managers only', async () => {
    expect(await outcome(() => sut.readable(people.owner, importedEntryId))).toBe('allowed');
    expect(await outcome(() => sut.owned(people.owner, importedEntryId, 'change it'))).toBe('403 entry.owner_only');
    expect(await outcome(() => sut.readable(people.applicant, importedEntryId))).toBe('404 entry.not_found');
  });

  it('screens an entry only for the contest’s managers', async () => {
    const screen = (who: AuthUser) => outcome(() => sut.managed(who, entryId));
    expect(await screen(people.owner)).toBe('allowed');
    expect(await screen(people.admin)).toBe('allowed');
    expect(await screen(people.applicant)).toBe('404 entry.not_found');
    expect(await screen(people.otherOrganizer)).toBe('404 entry.not_found');
  });

  it('opens a contest’s entry list (export, import) to its managers only', async () => {
    const manage = (who: AuthUser, id = contestId) => outcome(() => sut.managedContest(who, id));
    expect(await manage(people.owner)).toBe('allowed');
    expect(await manage(people.admin)).toBe('allowed');
    expect(await manage(people.otherOrganizer)).toBe('404 contest.not_found');
    expect(await manage(people.applicant)).toBe('404 contest.not_found');
    expect(await manage(people.owner, randomUUID())).toBe('404 contest.not_found');
  });

  it('reads a contest’s owner in one statement for the policy (AccessRepository)', async () => {
    const access = app.get(AccessRepository);
    expect(await access.contest(contestId)).toEqual({ ownerId: people.owner.id });
    expect(await access.contest(randomUUID())).toBeNull();
  });
});
