import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, type AuthUser, contestNotFound, managedOr404, voteNotFound } from '@laurel/api-core';
import type { BallotView, CastVoteResponse, ConfirmVoteResponse, PublicVoteSettings, VoteCountsView } from '@laurel/contracts';
import { AuditRepository, type VoteContest, VotesRepository } from '@laurel/api-database';
import { MailOutbox } from '@laurel/api-mail';
import { voterMailbox } from '@laurel/domain';
import type { CastVoteDto, ConfirmVoteDto, VoidVoteDto } from './votes.dto';
import { VoteThrottle } from './votes.throttle';

/**
 * The public vote (bình chọn): anyone votes for an entry of the vote round while the vote is
 * open; the vote counts once the link mailed to the voter is opened; one counted vote per
 * mailbox per contest (per category when the scope is category), the address lower-cased with
 * a +tag removed; the organizer sees live counts and may void a vote with a reason.
 */
@Injectable()
export class VotesService {
  constructor(
    private readonly votes: VotesRepository,
    private readonly audit: AuditRepository,
    private readonly mail: MailOutbox,
    private readonly throttle: VoteThrottle,
  ) {}

  async ballot(slug: string, now = new Date()): Promise<BallotView> {
    const { contest, vote } = await this.heldVote(slug);
    const [entries, categories] = await Promise.all([this.votes.ballot(vote.roundId), this.votes.categories(contest.id)]);
    return {
      contest: { slug: contest.slug, name: contest.name, year: contest.year },
      vote: { opensAt: vote.opensAt, closesAt: vote.closesAt, scope: vote.scope, open: isOpen(vote, now) },
      categories,
      entries,
    };
  }

  /**
   * One read (contest, vote round, ballot entry), then the throttle's one upsert, then the vote,
   * its outbox row and its delivery job in one transaction. The confirmation mail is rendered
   * here (about 3 µs) and delivered by the mail worker after the answer.
   */
  async cast(slug: string, dto: CastVoteDto, clientAddress: string | null): Promise<CastVoteResponse> {
    const context = await this.votes.castContext(slug, dto.entryId);
    const { contest, vote } = heldVote(context?.contest ?? null);
    assertOpen(vote, new Date());
    assertRoundRunning(context?.round ?? null);
    const entry = context?.entry;
    if (!entry) {
      throw AppError.unprocessable(
        'vote.not_on_ballot',
        'This entry is not on the ballot. Reload the ballot and choose one of its entries.',
        [{ field: 'entryId', code: 'unknown', message: 'is not an entry on the ballot' }],
      );
    }
    // Counted only for a vote that would be written (and mailed): a refusal changes nothing.
    await this.throttle.hit(clientAddress ?? 'unknown');
    const token = randomBytes(32).toString('base64url');
    const email = dto.email.trim().toLowerCase();
    await this.votes.transaction(async (tx) => {
      await this.votes.insert(tx, {
        contestId: contest.id,
        roundId: vote.roundId,
        entryId: entry.entryId,
        scopeKey: vote.scope === 'category' ? (entry.categoryId ?? '') : '',
        email,
        mailbox: voterMailbox(email),
        language: dto.language ?? 'vi',
        tokenHash: hashToken(token),
        clientAddress,
      });
      // The outbox row commits with the vote: no vote without its mail, no mail without its vote.
      await this.mail.enqueue(tx, {
        to: email,
        template: 'vote_confirmation',
        language: dto.language ?? 'vi',
        params: { contestName: contest.name, entryTitle: entry.title, token },
        contestId: contest.id,
      });
    });
    // The same answer whether or not the mailbox has voted already: nothing about it leaks.
    return { message: 'Check your mailbox: the vote counts once you open the confirmation link we sent.' };
  }

  /** One statement decides and counts (VotesRepository.confirmByToken); this turns its outcome into the answer. */
  async confirm(dto: ConfirmVoteDto, now = new Date()): Promise<ConfirmVoteResponse> {
    const vote = await this.votes.confirmByToken(hashToken(dto.token), now);
    if (!vote)
      throw AppError.notFound(
        'vote.token_unknown',
        'This confirmation link is not valid. Open the link from the latest mail, or vote again.',
      );
    const settings = vote.publicVote;
    if (!settings?.enabled || settings.roundId !== vote.roundId) {
      throw AppError.conflict('vote.closed', 'This public vote is no longer held, so the vote cannot count.');
    }
    if (vote.voidedAt) throw AppError.conflict('vote.voided', 'The organizers voided this vote.');
    const answer: ConfirmVoteResponse = { counted: true, entry: { code: vote.entryCode, title: vote.entryTitle } };
    // Counted now, or by an earlier opening of the same link.
    if (vote.counted || vote.confirmedAt) return answer;
    if (now.getTime() >= Date.parse(settings.closesAt)) {
      throw AppError.conflict('vote.closed', `The vote closed on ${settings.closesAt}; votes confirmed after it do not count.`, {
        closesAt: settings.closesAt,
      });
    }
    assertRoundRunning({ name: vote.roundName, status: vote.roundStatus });
    throw AppError.conflict(
      'vote.already_counted',
      settings.scope === 'category'
        ? 'This address already has a counted vote in this category. Each mailbox counts once per category.'
        : 'This address already has a counted vote in this contest. Each mailbox counts once.',
    );
  }

  async counts(actor: AuthUser, contestId: string, now = new Date()): Promise<VoteCountsView> {
    const contest = managedOr404(actor, await this.votes.contestById(contestId), contestNotFound);
    const vote = contest.publicVote;
    if (!vote) return { contestId, settings: null, open: false, entries: [], recent: [], totals: { counted: 0, pending: 0, voided: 0 } };
    const [entries, recent] = await Promise.all([this.votes.tally(contest.id, vote.roundId), this.votes.recent(contest.id, 200)]);
    return {
      contestId,
      settings: vote,
      open: isOpen(vote, now),
      entries,
      recent: recent.map((r) => ({
        id: r.id,
        entryId: r.entryId,
        mailbox: maskMailbox(r.mailbox),
        confirmedAt: r.confirmedAt.toISOString(),
        voidedAt: r.voidedAt?.toISOString() ?? null,
        voidReason: r.voidReason,
      })),
      totals: {
        counted: entries.reduce((sum, e) => sum + e.votes, 0),
        pending: entries.reduce((sum, e) => sum + e.pending, 0),
        voided: entries.reduce((sum, e) => sum + e.voided, 0),
      },
    };
  }

  async void(actor: AuthUser, voteId: string, dto: VoidVoteDto): Promise<void> {
    await this.votes.transaction(async (tx) => {
      const vote = managedOr404(actor, await this.votes.lockForVoid(tx, voteId), voteNotFound);
      if (vote.voidedAt) throw AppError.conflict('vote.already_voided', 'This vote is already voided.');
      if (!vote.confirmedAt)
        throw AppError.conflict('vote.not_counted', 'This vote was never confirmed, so it does not count: there is nothing to void.');
      const round = await this.votes.lockRound(tx, vote.roundId);
      if (round?.status === 'closed') {
        throw AppError.conflict(
          'vote.round_closed',
          `Round "${round.name}" is closed and its ranking is final, so its votes can no longer be voided. Void doubtful votes before closing the round.`,
        );
      }
      await this.votes.void(tx, vote.id, dto.reason, actor.id);
      await this.audit.record(tx, {
        contestId: vote.contestId,
        actorId: actor.id,
        action: 'vote.voided',
        subjectType: 'vote',
        subjectId: vote.id,
        payload: { entryId: vote.entryId, mailbox: maskMailbox(vote.mailbox), reason: dto.reason },
      });
    });
  }

  private async heldVote(slug: string): Promise<{ contest: VoteContest; vote: PublicVoteSettings }> {
    return heldVote(await this.votes.contestBySlug(slug));
  }
}

function heldVote(contest: VoteContest | null): { contest: VoteContest; vote: PublicVoteSettings } {
  const vote = contest?.publicVote;
  if (!contest || !vote?.enabled || contest.status === 'draft') {
    throw AppError.notFound('vote.not_held', 'This contest holds no public vote. Check the link you were given.');
  }
  return { contest, vote };
}

function isOpen(vote: PublicVoteSettings, now: Date): boolean {
  return now.getTime() >= Date.parse(vote.opensAt) && now.getTime() < Date.parse(vote.closesAt);
}

function assertOpen(vote: PublicVoteSettings, now: Date): void {
  if (now.getTime() < Date.parse(vote.opensAt))
    throw AppError.conflict('vote.not_open', `The vote opens on ${vote.opensAt}. Come back then.`, { opensAt: vote.opensAt });
  if (now.getTime() >= Date.parse(vote.closesAt)) {
    throw AppError.conflict('vote.closed', `The vote closed on ${vote.closesAt}.`, { closesAt: vote.closesAt });
  }
}

/** A closed round's ranking is final (its snapshot is kept): votes no longer come in. */
function assertRoundRunning(round: { name: string; status: string } | null): void {
  if (round?.status === 'closed') {
    throw AppError.conflict('vote.closed', `Round "${round.name}" is closed, so its ranking is final and votes no longer count.`, {
      round: round.name,
    });
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** ann.tran@gmail.com → a***@gmail.com: enough to tell votes apart, not to read the address. */
export function maskMailbox(mailbox: string): string {
  const at = mailbox.lastIndexOf('@');
  return at <= 0 ? '***' : `${mailbox[0]}***${mailbox.slice(at)}`;
}
