import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { PassThrough } from 'node:stream';
import { AppError, type AuthUser, laurelConfig, type LaurelConfig, signLiveTicket, verifyLiveTicket } from '@laurel/api-core';
import type { LiveTicketView } from '@laurel/contracts';
import { PITCH_STAGE_CHANNEL, PitchRepository, SHEET_SUBMITTED_CHANNEL, SheetEventsRepository } from '@laurel/api-database';
import { StageService } from './stage.service';

const HEARTBEAT_MS = 15_000;
/**
 * Submissions arriving together are answered with one read of the stage. A stage change is sent
 * at once: "next team" has to reach every page quickly, and changes that arrive while a read is
 * under way are still folded into the next one.
 */
const SUBMISSIONS_COALESCE_MS = 50;

interface Audience {
  organizers: Set<PassThrough>;
  judges: Set<PassThrough>;
  refreshing: boolean;
  /** What changed while a refresh was under way: judges' view too, or only the organizers'. */
  again: 'all' | 'organizers' | null;
}

/**
 * The stage as server-sent events, to the judges of a live round, its control page and its
 * projector board. Every stream gets the current state when it opens (so a page back from a
 * network drop catches up without a reload) and again after every change, whichever API
 * process made it: triggers NOTIFY `laurel_pitch_stage` (stage changes) and
 * `laurel_sheet_submitted` (the organizers' per-judge "submitted"). Each process reads the stage
 * once per change and writes the same text to all of its streams; nothing is kept that another
 * process would need.
 */
@Injectable()
export class StageStreamService implements OnModuleDestroy {
  private readonly logger = new Logger('StageStream');
  private readonly rounds = new Map<string, Audience>();
  private listening: Promise<unknown> | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly stages: StageService,
    private readonly pitch: PitchRepository,
    private readonly events: SheetEventsRepository,
    @Inject(laurelConfig.KEY) private readonly config: LaurelConfig,
  ) {}

  async issueTicket(actor: AuthUser, roundId: string): Promise<LiveTicketView> {
    await this.stages.audience(actor, roundId);
    const { ticket, expiresAt } = signLiveTicket(this.config.auth.jwtSecret, roundId, actor);
    return { ticket, expiresAt: expiresAt.toISOString(), url: `/api/rounds/${roundId}/stage/events?ticket=${encodeURIComponent(ticket)}` };
  }

  /** Opens a stream; refusals happen before any byte is sent, so they keep the usual error shape. */
  async connect(roundId: string, ticket: string | undefined, bearer: AuthUser | undefined): Promise<PassThrough> {
    const actor = ticket ? verifyLiveTicket(this.config.auth.jwtSecret, roundId, ticket) : bearer;
    if (!actor) {
      throw AppError.unauthorized(
        ticket ? 'live.ticket_invalid' : 'auth.unauthenticated',
        ticket ? 'This stage link has expired. Open the page again to get a new one.' : 'Please sign in to continue.',
      );
    }
    const audience = await this.stages.audience(actor, roundId);
    this.listening ??= Promise.all([
      this.events.subscribe((id) => this.changed(id, 'all'), PITCH_STAGE_CHANNEL),
      this.events.subscribe((id) => this.changed(id, 'organizers'), SHEET_SUBMITTED_CHANNEL),
    ]);
    await this.listening;
    this.heartbeat ??= setInterval(() => this.beat(), HEARTBEAT_MS).unref();

    const loaded = await this.stages.load(audience.round);
    const stream = new PassThrough();
    // Reconnecting browsers wait 2 s, then ask again.
    stream.write('retry: 2000\n\n');
    if (audience.role === 'judge') {
      stream.write(event('assignments', JSON.stringify(Object.fromEntries(audience.assignments))));
      stream.write(event('stage', JSON.stringify(this.stages.judgeView(loaded))));
    } else {
      stream.write(event('stage', JSON.stringify(await this.stages.organizerView(loaded))));
    }
    const group = this.rounds.get(roundId) ?? {
      organizers: new Set<PassThrough>(),
      judges: new Set<PassThrough>(),
      refreshing: false,
      again: null,
    };
    this.rounds.set(roundId, group);
    const set = audience.role === 'judge' ? group.judges : group.organizers;
    set.add(stream);
    stream.once('close', () => {
      set.delete(stream);
      if (group.judges.size + group.organizers.size === 0 && this.rounds.get(roundId) === group && !group.refreshing)
        this.rounds.delete(roundId);
    });
    return stream;
  }

  /** Open streams of this process (the benchmark reads it). */
  connections(): number {
    let n = 0;
    for (const group of this.rounds.values()) n += group.judges.size + group.organizers.size;
    return n;
  }

  onModuleDestroy(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const group of this.rounds.values()) for (const stream of [...group.judges, ...group.organizers]) stream.end();
    this.rounds.clear();
  }

  /** A round id, or null: the listener was away and any stage may have changed. */
  private changed(roundId: string | null, who: 'all' | 'organizers'): void {
    const ids = roundId === null ? [...this.rounds.keys()] : this.rounds.has(roundId) ? [roundId] : [];
    for (const id of ids) this.refresh(id, roundId === null ? 'all' : who);
  }

  private refresh(roundId: string, who: 'all' | 'organizers'): void {
    const group = this.rounds.get(roundId);
    if (!group) return;
    if (group.refreshing) {
      group.again = group.again === 'all' || who === 'all' ? 'all' : 'organizers';
      return;
    }
    group.refreshing = true;
    setTimeout(() => void this.recompute(roundId, who, group), who === 'all' ? 0 : SUBMISSIONS_COALESCE_MS).unref();
  }

  /** Never rejects: a failure is logged, and the next change of the stage tries again. */
  private async recompute(roundId: string, who: 'all' | 'organizers', group: Audience): Promise<void> {
    try {
      // One statement for the round, its stage and entries; the organizers' per-judge read starts
      // before the judges' streams are written, so neither waits for the other.
      const loaded = await this.stages.loadRound(roundId);
      if (loaded) {
        const organizerView = group.organizers.size > 0 ? this.stages.organizerView(loaded) : null;
        // Settled below; never left rejected while the judges' streams are written.
        void organizerView?.catch(() => undefined);
        if (who === 'all' && group.judges.size > 0) broadcast(group.judges, event('stage', JSON.stringify(this.stages.judgeView(loaded))));
        if (organizerView) broadcast(group.organizers, event('stage', JSON.stringify(await organizerView)));
      }
    } catch (error) {
      this.logger.warn(`The stage of round ${roundId} could not be read: ${(error as Error).message}`);
    } finally {
      group.refreshing = false;
      const again = group.again;
      group.again = null;
      if (again) this.refresh(roundId, again);
      else if (group.judges.size + group.organizers.size === 0 && this.rounds.get(roundId) === group) this.rounds.delete(roundId);
    }
  }

  private beat(): void {
    for (const group of this.rounds.values()) broadcast(new Set([...group.judges, ...group.organizers]), ': heartbeat\n\n');
  }
}

function event(name: string, data: string): string {
  return `event: ${name}\ndata: ${data}\n\n`;
}

function broadcast(streams: Set<PassThrough>, text: string): void {
  for (const stream of streams) if (!stream.destroyed && !stream.writableEnded) stream.write(text);
}
