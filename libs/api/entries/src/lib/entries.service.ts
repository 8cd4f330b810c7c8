import { Injectable } from '@nestjs/common';
import { AppError, type AuthUser, contestNotFound, type FieldProblem, seesContest } from '@laurel/api-core';
import {
  AttachmentsRepository,
  EntriesRepository,
  UsersRepository,
  type EntryContest,
  type EntryEntity,
  type EntryFields,
  type EntryRecord,
} from '@laurel/api-database';
import { checkAnswers, failedChecks, mergeAnswers, missingAnswers } from '@laurel/domain';
import { checkEntry, countsOrganizations, ineligible, type Language } from './eligibility';
import { EntryAccess } from './entry-access.service';
import { EntryMail } from './entry-mail';
import type { CreateEntryDto, EntryFieldsDto, SubmitEntryDto, UpdateEntryDto } from './entry.dto';
import { toEntryView, toOwnEntryView } from './entry.mapper';
import { codePrefixOf, missingForSubmission, submissionWindowRefusal } from './entry-rules';
import type { EntryView, OwnEntryView } from '@laurel/contracts';

const staleVersion = (current: number) =>
  AppError.conflict(
    'entry.stale_version',
    `This entry was changed in another window or by a team mate since you loaded it (it is now at version ${current}). Reload it, then make your change again.`,
  );

/** An applicant's entry from first draft to submission or withdrawal. */
@Injectable()
export class EntriesService {
  constructor(
    private readonly entries: EntriesRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly access: EntryAccess,
    private readonly mail: EntryMail,
    private readonly users: UsersRepository,
  ) {}

  async create(actor: AuthUser, contestId: string, dto: CreateEntryDto): Promise<EntryView> {
    const contest = await this.entries.findContest(contestId);
    if (!contest || !seesContest(actor, contest)) throw contestNotFound();
    const refusal = submissionWindowRefusal(contest, new Date());
    if (refusal) throw refusal;
    checkCategory(contest, dto.categoryId);
    const fields = toFields(dto);
    if (dto.answers !== undefined) fields.answers = mergeAnswers({}, checkedAnswers(contest, dto.answers));
    const created = await this.entries.createDraft(contest.id, actor.id, fields);
    if (!created) throw await this.categoryTaken(contest, dto.categoryId as string, actor.id);
    return this.view({ entry: created, contest }, false);
  }

  async get(actor: AuthUser, entryId: string): Promise<EntryView> {
    const record = await this.access.readable(actor, entryId);
    return this.view(record, record.managed);
  }

  /** The rule outcomes of an entry as its contest's managers see them (a draft is checked as if submitted now). */
  async checks(record: EntryRecord) {
    const { entry, contest } = record;
    const submitted = countsOrganizations(contest) ? await this.entries.submittedOrganizations(contest.id) : [];
    return checkEntry(contest, entry, submitted);
  }

  async update(actor: AuthUser, entryId: string, dto: UpdateEntryDto): Promise<EntryView> {
    const record = await this.access.owned(actor, entryId, 'change it');
    refuseUnlessDraft(record.entry);
    if (dto.version !== record.entry.version) throw staleVersion(record.entry.version);
    const refusal = submissionWindowRefusal(record.contest, new Date());
    if (refusal) throw refusal;
    checkCategory(record.contest, dto.categoryId);
    const fields = toFields(dto);
    if (dto.answers !== undefined) fields.answers = mergeAnswers(record.entry.answers, checkedAnswers(record.contest, dto.answers));
    if (Object.keys(fields).length === 0) return this.view(record, false);
    const result = await this.entries.updateDraft(entryId, dto.version, fields);
    if (result.outcome === 'category_taken') throw await this.categoryTaken(record.contest, dto.categoryId as string, actor.id);
    if (result.outcome === 'stale') {
      const now = await this.access.readable(actor, entryId);
      refuseUnlessDraft(now.entry);
      throw staleVersion(now.entry.version);
    }
    return this.view({ entry: result.entry, contest: record.contest }, false);
  }

  async submit(actor: AuthUser, entryId: string, dto: SubmitEntryDto, language: Language = 'vi'): Promise<EntryView> {
    const { entry, contest } = await this.access.owned(actor, entryId, 'submit it');
    if (entry.status === 'submitted') {
      throw AppError.conflict(
        'entry.already_submitted',
        `This entry is already submitted, with the code ${entry.code}. There is nothing more to do.`,
        {
          code: entry.code ?? '',
        },
      );
    }
    refuseUnlessDraft(entry);
    // A draft needs no proved mailbox; a submission does (DESIGN: "Accounts and mail").
    if (!(await this.users.isVerified(actor.id))) {
      throw AppError.forbidden(
        'entry.email_unverified',
        `Confirm your e-mail address before submitting: open the link we mailed to ${actor.email}, or ask for a new one on your dashboard.`,
      );
    }
    if (dto.version !== undefined && dto.version !== entry.version) throw staleVersion(entry.version);
    const refusal = submissionWindowRefusal(contest, new Date());
    if (refusal) throw refusal;
    const attachments = await this.attachments.listForEntry(entryId);
    const missing = [
      ...missingForSubmission(
        entry,
        attachments.some((a) => a.kind === 'pitch_deck'),
        contest.requirePitchDeck,
      ),
      ...missingAnswers(contest.formFields, entry.answers, entry.categoryId),
    ];
    if (missing.length > 0) throw incomplete(missing);

    const gate =
      contest.eligibilityRules.length === 0
        ? undefined
        : (submitted: Parameters<typeof checkEntry>[2]) => failedChecks(checkEntry(contest, entry, submitted));
    const result = await this.entries.submit(entryId, entry.version, codePrefixOf(contest), actor.id, gate, (manager, submitted) =>
      this.mail.received(manager, contest, submitted),
    );
    switch (result.outcome) {
      case 'submitted':
        return this.view({ entry: result.entry, contest }, false);
      case 'missing_pitch_deck':
        throw incomplete(missingForSubmission(entry, false, true));
      case 'refused':
        throw ineligible(result.reasons as ReturnType<typeof failedChecks>, language);
      case 'closed':
        // The contest closed between the checks above and the submission itself.
        throw (
          submissionWindowRefusal(contest, new Date()) ??
          AppError.unprocessable(
            'entry.submissions_closed',
            `Submissions to "${contest.name}" have just closed. The entry was not submitted.`,
            undefined,
            undefined,
            {
              contest: contest.name,
            },
          )
        );
      case 'changed':
        throw staleVersion((await this.access.readable(actor, entryId)).entry.version);
    }
  }

  async withdraw(actor: AuthUser, entryId: string): Promise<EntryView> {
    const { entry, contest } = await this.access.owned(actor, entryId, 'withdraw it');
    if (entry.status === 'withdrawn')
      throw AppError.conflict('entry.already_withdrawn', 'This entry is already withdrawn. There is nothing more to do.');
    const withdrawn = await this.entries.withdraw(entryId, actor.id);
    if (!withdrawn) {
      throw AppError.conflict(
        'entry.judging_started',
        `Judging of "${contest.name}" has started, so entries can no longer be withdrawn. Write to the organizers if your team must leave the contest.`,
        { contest: contest.name },
      );
    }
    return this.view({ entry: withdrawn, contest }, false);
  }

  async listMine(actor: AuthUser): Promise<OwnEntryView[]> {
    return (await this.entries.listForOwner(actor.id)).map(toOwnEntryView);
  }

  private async view(record: EntryRecord, forManager: boolean): Promise<EntryView> {
    const [attachments, checks] = await Promise.all([
      this.attachments.listForEntry(record.entry.id),
      forManager ? this.checks(record) : undefined,
    ]);
    return toEntryView(record, attachments, forManager, checks);
  }

  private async categoryTaken(contest: EntryContest, categoryId: string, ownerId: string): Promise<AppError> {
    const existing = await this.entries.findLive(contest.id, categoryId, ownerId);
    const category = contest.categories.find((c) => c.id === categoryId)?.name ?? 'this category';
    const which = existing
      ? `"${existing.title || 'untitled draft'}" (${existing.code ?? existing.status}, id ${existing.id})`
      : 'one that is not withdrawn';
    return AppError.conflict(
      'entry.category_taken',
      `You already have an entry in the category "${category}": ${which}. Continue that entry, or withdraw it before starting another.`,
      { category },
    );
  }
}

function refuseUnlessDraft(entry: EntryEntity): void {
  if (entry.status === 'submitted') {
    throw AppError.conflict('entry.read_only', `This entry was submitted (code ${entry.code}) and can no longer be changed.`);
  }
  if (entry.status === 'withdrawn') {
    throw AppError.conflict('entry.read_only', 'This entry was withdrawn and can no longer be changed. Start a new entry instead.');
  }
}

/** The answers of a save, type-checked against the contest's form; 400 naming each wrong one, nothing written. */
function checkedAnswers(contest: EntryContest, input: Record<string, unknown>) {
  const { answers, problems } = checkAnswers(contest.formFields, input);
  if (problems.length > 0) {
    throw AppError.badRequest(
      'validation_failed',
      `Please correct the answers: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      problems,
    );
  }
  return answers;
}

function incomplete(missing: FieldProblem[]): AppError {
  return AppError.unprocessable(
    'entry.incomplete',
    `The entry cannot be submitted yet: complete ${missing.map((m) => m.field).join(', ')}, then submit again.`,
    missing,
  );
}

function checkCategory(contest: EntryContest, categoryId: string | null | undefined): void {
  if (!categoryId || contest.categories.some((c) => c.id === categoryId)) return;
  const names = contest.categories.map((c) => `"${c.name}"`).join(', ');
  throw AppError.badRequest('validation_failed', `Please correct the entry: categoryId is not a category of this contest.`, [
    { field: 'categoryId', code: 'option', message: `is not a category of this contest; choose one of ${names}` },
  ]);
}

/** The DTO's fields that were sent, as the repository writes them. */
function toFields(dto: EntryFieldsDto): EntryFields {
  const fields: EntryFields = {};
  const keys: (keyof EntryFields)[] = [
    'categoryId',
    'title',
    'teamName',
    'summary',
    'problem',
    'solution',
    'market',
    'businessModel',
    'organization',
    'videoUrl',
  ];
  for (const key of keys) {
    if (dto[key] !== undefined) (fields as Record<string, unknown>)[key] = dto[key];
  }
  if (dto.members !== undefined) fields.members = dto.members.map((m) => ({ name: m.name, role: m.role, email: m.email ?? null }));
  return fields;
}
