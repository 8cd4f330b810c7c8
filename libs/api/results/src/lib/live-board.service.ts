import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { PassThrough } from 'node:stream';
import {
  AppError,
  type AuthUser,
  hasRole,
  type LaurelConfig,
  laurelConfig,
  managedOr404,
  roundNotFound,
  signLiveTicket,
  verifyLiveTicket,
} from '@laurel/api-core';
import type { LiveStandingsView, LiveTicketView } from '@laurel/contracts';
import { SheetEventsRepository } from '@laurel/api-database';
import { RoundResultsService } from '@laurel/api-round-results';

const HEARTBEAT_MS = 15_000;
/** Submissions arriving together are answered with one recomputation. */
const COALESCE_MS = 100;

interface Board {
  streams: Set<PassThrough>;
  refreshing: boolean;
  again: boolean;
}

/**
 * Live standings of a round as server-sent events: the standings on connect, and again after
 * every submitted sheet of the round, whichever API process it went through (PostgreSQL NOTIFY
 * from a trigger, heard by SheetEventsRepository). Nothing about the boards is shared between
 * processes: each process recomputes for the clients connected to it.
 */
@Injectable()
export class LiveBoardService implements OnModuleDestroy {
  private readonly logger = new Logger('LiveBoard');
  private readonly boards = new Map<string, Board>();
  private unsubscribe: Promise<() => void> | null = null;

  constructor(
    private readonly results: RoundResultsService,
    private readonly events: SheetEventsRepository,
    @Inject(laurelConfig.KEY) private readonly config: LaurelConfig,
  ) {}

  async issueTicket(actor: AuthUser, roundId: string): Promise<LiveTicketView> {
    await this.managedRound(actor, roundId);
    const { ticket, expiresAt } = signLiveTicket(this.config.auth.jwtSecret, roundId, actor);
    return { ticket, expiresAt: expiresAt.toISOString(), url: `/api/rounds/${roundId}/live?ticket=${encodeURIComponent(ticket)}` };
  }

  /**
   * Opens a stream for a caller known by a ticket (EventSource) or by a bearer token. Refusals
   * happen here, before any byte is sent, so they keep the usual error shape.
   */
  async connect(roundId: string, ticket: string | undefined, bearer: AuthUser | undefined): Promise<PassThrough> {
    const actor = ticket ? verifyLiveTicket(this.config.auth.jwtSecret, roundId, ticket) : bearer;
    if (!actor) {
      throw AppError.unauthorized(
        ticket ? 'live.ticket_invalid' : 'auth.unauthenticated',
        ticket ? 'This live-board link has expired. Open the live board again to get a new one.' : 'Please sign in to continue.',
      );
    }
    if (!hasRole(actor, 'organizer', 'admin')) {
      throw AppError.forbidden('auth.role_required', 'This needs the role organizer or admin. Sign in with an account that has it.');
    }
    await this.managedRound(actor, roundId);

    this.unsubscribe ??= this.events.subscribe((id) => this.onSheetSubmitted(id));
    await this.unsubscribe;

    const stream = new PassThrough();
    const board = this.boards.get(roundId) ?? { streams: new Set<PassThrough>(), refreshing: false, again: false };
    this.boards.set(roundId, board);
    board.streams.add(stream);
    const heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    stream.once('close', () => {
      clearInterval(heartbeat);
      board.streams.delete(stream);
      if (board.streams.size === 0 && this.boards.get(roundId) === board) this.boards.delete(roundId);
    });
    // Reconnecting browsers wait 3 s, then ask again.
    stream.write('retry: 3000\n\n');
    try {
      send(stream, await this.standings(roundId));
    } catch (error) {
      stream.destroy();
      throw error;
    }
    return stream;
  }

  onModuleDestroy(): void {
    for (const board of this.boards.values()) for (const stream of board.streams) stream.end();
    this.boards.clear();
  }

  private async managedRound(actor: AuthUser, roundId: string) {
    return managedOr404(actor, await this.results.findRound(roundId), roundNotFound);
  }

  /** A round id, or null: the listener was away and any round may have changed. */
  private onSheetSubmitted(roundId: string | null): void {
    const ids = roundId === null ? [...this.boards.keys()] : this.boards.has(roundId) ? [roundId] : [];
    for (const id of ids) this.refresh(id);
  }

  private refresh(roundId: string): void {
    const board = this.boards.get(roundId);
    if (!board) return;
    if (board.refreshing) {
      board.again = true;
      return;
    }
    board.refreshing = true;
    setTimeout(() => void this.recompute(roundId, board), COALESCE_MS).unref();
  }

  /** Never rejects: a failure is logged, and the next submitted sheet tries again. */
  private async recompute(roundId: string, board: Board): Promise<void> {
    try {
      const standings = await this.standings(roundId);
      for (const stream of board.streams) send(stream, standings);
    } catch (error) {
      this.logger.warn(`Standings of round ${roundId} could not be computed: ${(error as Error).message}`);
    } finally {
      board.refreshing = false;
      if (board.again) {
        board.again = false;
        this.refresh(roundId);
      }
    }
  }

  private async standings(roundId: string): Promise<LiveStandingsView> {
    const round = await this.results.findRound(roundId);
    if (!round) throw roundNotFound();
    const [results, progress] = await Promise.all([this.results.roundResults(round), this.results.sheetProgress(roundId)]);
    return {
      roundId,
      roundName: results.roundName,
      roundStatus: round.status,
      method: results.method,
      rankBy: results.rankBy,
      generatedAt: new Date().toISOString(),
      progress,
      entries: results.entries.map(({ rank, entryId, code, title, teamName, categoryId, score, judgeCount, settledBy }) => ({
        rank,
        entryId,
        code,
        title,
        teamName,
        categoryId,
        score,
        judgeCount,
        settledBy,
      })),
    };
  }
}

function send(stream: PassThrough, standings: LiveStandingsView): void {
  if (stream.destroyed || stream.writableEnded) return;
  stream.write(`event: standings\nid: ${Date.now()}\ndata: ${JSON.stringify(standings)}\n\n`);
}
