import { Injectable } from '@nestjs/common';
import { UsersRepository } from '@laurel/api-database';

/** How long an answer about an account's sessions may be reused: the promise is "within 1 s". */
export const SESSION_CHECK_TTL_MS = 1000;
const MAX_ENTRIES = 10_000;

interface SessionState {
  sessionVersion: number;
  disabled: boolean;
}

/**
 * Is a token's session version still the account's? Read from PostgreSQL, so every instance sees a
 * bump (password change or reset, role change, sign out everywhere, disabling); the answer is kept
 * at most 1 s per account, which bounds both the staleness and the extra query per request.
 */
@Injectable()
export class SessionCheck {
  private readonly cache = new Map<string, { state: SessionState | null; at: number }>();
  private readonly inFlight = new Map<string, Promise<SessionState | null>>();

  constructor(private readonly users: UsersRepository) {}

  async isCurrent(userId: string, sessionVersion: number, now = Date.now()): Promise<boolean> {
    const state = await this.state(userId, now);
    return !!state && !state.disabled && state.sessionVersion === sessionVersion;
  }

  /** Forgets what this instance knows of the account (after it changed it itself). */
  forget(userId: string): void {
    this.cache.delete(userId);
  }

  private async state(userId: string, now: number): Promise<SessionState | null> {
    const cached = this.cache.get(userId);
    if (cached && now - cached.at < SESSION_CHECK_TTL_MS) return cached.state;
    // Concurrent requests of one account share one query.
    let pending = this.inFlight.get(userId);
    if (!pending) {
      pending = this.users.sessionState(userId).finally(() => this.inFlight.delete(userId));
      this.inFlight.set(userId, pending);
    }
    const state = await pending;
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(userId, { state, at: now });
    return state;
  }
}
