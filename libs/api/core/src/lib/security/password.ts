import * as argon2 from 'argon2';
import { HttpStatus } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@laurel/contracts';
import { AppError, type FieldProblem } from '../errors/app-error';

/** argon2id at the OWASP minimum: 19 MiB of memory, two passes, one lane. */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Password hashing in front of argon2: at most `concurrency` hashes at once, and at most
 * `maxWaiting` waiting behind them. Running at most one hash per core keeps libuv's thread pool
 * free for the database driver (a new connection's SCRAM runs there) and the file system; the
 * bound on the queue turns a burst larger than the machine can serve in reasonable time into
 * quick 503s with Retry-After (`PasswordQueueFull`) instead of a queue growing without limit.
 */
export class PasswordQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** A moving average of how long one hash takes here, for Retry-After. */
  private hashMs = 100;

  constructor(
    readonly concurrency: number,
    public maxWaiting: number,
  ) {}

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new PasswordQueueFull(this.retryAfterSeconds());
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.hashMs = 0.8 * this.hashMs + 0.2 * (performance.now() - started);
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** When the queue will have room again: the work ahead of the caller, one hash per slot at a time. */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(((this.waiting.length + this.running) * this.hashMs) / this.concurrency / 1000));
  }
}

/** The password queue is full: 503, try again after `retryAfterSeconds`. */
export class PasswordQueueFull extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      HttpStatus.SERVICE_UNAVAILABLE,
      'auth.busy',
      `Too many people are signing in at this moment. Nothing is wrong with your account; try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
    );
  }
}

/** libuv's thread pool size when UV_THREADPOOL_SIZE is not set. */
const LIBUV_DEFAULT_POOL = 4;

/**
 * How many hashes run at once: one per core, which is what the cores can do (argon2id at 19 MiB
 * is memory-bound: two side by side each take longer than one alone), and never every thread of
 * libuv's pool, where argon2 runs beside the file system and a new database connection's SCRAM.
 * The pool's size is `env`'s UV_THREADPOOL_SIZE, or libuv's default of four; the API sizes an
 * unset pool to the cores plus two before anything loads (apps/api size-thread-pool.ts), so there
 * every core hashes.
 */
export function passwordConcurrency(cores: number, env: NodeJS.ProcessEnv): number {
  const configured = Number(env['UV_THREADPOOL_SIZE']);
  const pool = Number.isInteger(configured) && configured > 0 ? configured : LIBUV_DEFAULT_POOL;
  return Math.max(1, Math.min(cores, pool - 1));
}

/**
 * By default room for 256 waiting (PASSWORD_QUEUE_MAX): a panel of 200 judges signing in at once
 * on pitch day is served, each within 200 hashes' time ÷ the cores; past that the answer is a 503.
 */
const passwords = new PasswordQueue(passwordConcurrency(availableParallelism(), process.env), 256);

/** Sets how many password checks may wait (the validated PASSWORD_QUEUE_MAX), once at boot. */
export function setPasswordQueueMax(maxWaiting: number): void {
  passwords.maxWaiting = maxWaiting;
}

export function hashPassword(password: string): Promise<string> {
  return passwords.run(() => argon2.hash(password, ARGON2_OPTIONS));
}

/** False for a wrong password or a hash argon2 cannot read; throws `PasswordQueueFull` when the queue is full. */
export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return passwords.run(() => argon2.verify(hash, password).catch(() => false));
}

/**
 * Problems with a new password, each with its field problem code (the length codes with their
 * `limit`, like a request's shape checks) and words a person can act on; empty when it is acceptable.
 */
export function passwordProblems(password: string, email?: string, field = 'password'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push({
      field,
      code: 'min_length',
      limit: PASSWORD_MIN_LENGTH,
      message: `must be at least ${PASSWORD_MIN_LENGTH} characters long`,
    });
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push({
      field,
      code: 'max_length',
      limit: PASSWORD_MAX_LENGTH,
      message: `must be at most ${PASSWORD_MAX_LENGTH} characters long`,
    });
  }
  if (password.trim().length === 0 && password.length > 0)
    problems.push({ field, code: 'password.blank', message: 'must not be only spaces' });
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    problems.push({ field, code: 'password.is_email', message: 'must not be the same as the e-mail address' });
  }
  return problems;
}

/** Refuses a new password that breaks a rule: 400 `auth.weak_password`, each broken rule a coded line of `fields`. */
export function assertStrongPassword(password: string, email: string, field = 'password'): void {
  const problems = passwordProblems(password, email, field);
  if (problems.length > 0) {
    throw AppError.badRequest('auth.weak_password', `The password ${problems.map((p) => p.message).join(' and ')}.`, problems);
  }
}
