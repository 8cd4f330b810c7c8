import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { laurelConfig, type LaurelConfig } from '@laurel/api-core';

/** The channel a trigger on score_sheets notifies with the round id when a sheet is submitted. */
export const SHEET_SUBMITTED_CHANNEL = 'laurel_sheet_submitted';
/** The channel triggers on pitch_stages and on live rounds notify with the round id of a stage that changed. */
export const PITCH_STAGE_CHANNEL = 'laurel_pitch_stage';

export type LiveChannel = typeof SHEET_SUBMITTED_CHANNEL | typeof PITCH_STAGE_CHANNEL;
const CHANNELS: readonly LiveChannel[] = [SHEET_SUBMITTED_CHANNEL, PITCH_STAGE_CHANNEL];

/**
 * Called with the round id of a submitted sheet, or with null after the listener reconnected:
 * sheets may have been submitted while it was away, so every round is worth a fresh look.
 */
export type SheetSubmittedListener = (roundId: string | null) => void;

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5000;

/**
 * Sheet submissions and stage changes of every API process on the database, through PostgreSQL
 * LISTEN/NOTIFY.
 * One dedicated connection per process (a pooled one would be handed to other queries and lose
 * its LISTEN), opened when the first listener subscribes and reopened, with a growing delay,
 * whenever it drops (a database restart, a terminated backend).
 */
@Injectable()
export class SheetEventsRepository implements OnModuleDestroy {
  private readonly logger = new Logger('SheetEvents');
  private readonly listeners = new Map<LiveChannel, Set<SheetSubmittedListener>>(CHANNELS.map((c) => [c, new Set()]));
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay = RETRY_MIN_MS;
  private closed = false;

  constructor(@Inject(laurelConfig.KEY) private readonly config: LaurelConfig) {}

  /**
   * Adds a listener and waits (briefly) until LISTEN is in place, so that nothing submitted
   * after this resolves is missed. Answers the function that removes the listener.
   */
  async subscribe(listener: SheetSubmittedListener, channel: LiveChannel = SHEET_SUBMITTED_CHANNEL): Promise<() => void> {
    const listeners = this.listeners.get(channel) as Set<SheetSubmittedListener>;
    listeners.add(listener);
    await this.ensureListening().catch(() => undefined);
    return () => listeners.delete(listener);
  }

  onModuleDestroy(): Promise<void> {
    this.closed = true;
    for (const listeners of this.listeners.values()) listeners.clear();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    return client ? client.end().catch(() => undefined) : Promise.resolve();
  }

  private ensureListening(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.config.database.url,
      application_name: 'laurel-api-listen',
      keepAlive: true,
      connectionTimeoutMillis: 5000,
    });
    let dropped = false;
    const drop = (reason: string) => {
      if (dropped) return;
      dropped = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (!this.closed) {
        this.logger.warn(`Listener connection lost (${reason}); reconnecting`);
        this.scheduleReconnect();
      }
    };
    client.on('error', (error) => drop(error.message));
    client.on('end', () => drop('connection ended'));
    client.on('notification', (message) => {
      if (message.payload && CHANNELS.includes(message.channel as LiveChannel)) this.emit(message.channel as LiveChannel, message.payload);
    });
    try {
      await client.connect();
      await client.query(CHANNELS.map((channel) => `LISTEN ${channel}`).join('; '));
    } catch (error) {
      drop((error as Error).message);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    const wasRetrying = this.retryDelay > RETRY_MIN_MS;
    this.client = client;
    this.retryDelay = RETRY_MIN_MS;
    if (wasRetrying) {
      this.logger.log('Listener connection restored');
      for (const channel of CHANNELS) this.emit(channel, null);
    }
  }

  private scheduleReconnect(): void {
    if (this.retryTimer || this.closed || [...this.listeners.values()].every((l) => l.size === 0)) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.ensureListening().catch(() => undefined);
    }, delay);
    this.retryTimer.unref();
  }

  private emit(channel: LiveChannel, roundId: string | null): void {
    for (const listener of this.listeners.get(channel) ?? []) {
      try {
        listener(roundId);
      } catch (error) {
        this.logger.error(`A sheet listener failed: ${(error as Error).message}`);
      }
    }
  }
}
