import { plainToInstance, Transform } from 'class-transformer';
import { ENTRY_LIMITS } from '@laurel/contracts';
import { parseTrustProxy } from './trust-proxy';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (value === true || value === 'true' || value === '1') return true;
  if (value === false || value === 'false' || value === '0') return false;
  return value;
};

/**
 * Every environment variable the API reads. Validated once at boot: a bad value stops the
 * process with a message naming the variable, before anything listens.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL!: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_MAX = 10;

  /** Apply pending migrations when the API starts (false: `db:migrate` does it, e.g. as a deploy step). */
  @Transform(toBool)
  @IsBoolean({ message: 'MIGRATE_ON_START must be true or false' })
  MIGRATE_ON_START = true;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(60 * 60 * 24 * 30)
  JWT_TTL_SECONDS = 60 * 60 * 8;

  @IsString()
  LAUREL_DATA_DIR = '.laurel';

  @IsOptional()
  @IsString()
  CONSOLE_DIR?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_THROTTLE_LIMIT = 10;

  /** Sign-ups, password reset requests and confirmation resends per client address per hour, each. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  MAIL_THROTTLE_LIMIT = 20;

  /** A hop count or a list of proxy addresses/CIDRs (checked by parseTrustProxy); never `true`. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** Password checks that may wait behind the running ones before sign-ins get 503 (see password.ts). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000)
  PASSWORD_QUEUE_MAX = 256;

  /** Public votes one client address may cast per 10 minutes (kept in PostgreSQL, so across instances). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  VOTE_THROTTLE_LIMIT = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  UPLOAD_MAX_BYTES = ENTRY_LIMITS.uploadBytes;

  /** Where uploaded files live: `local` (LAUREL_DATA_DIR/files) or `s3` (shared by several instances). */
  @IsIn(['local', 's3'], { message: 'STORAGE_DRIVER must be local or s3' })
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'S3_BUCKET must be a bucket name (3-63 lower-case letters, digits, dots, hyphens)',
  })
  S3_BUCKET?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  /** An S3-compatible service (MinIO, Ceph, R2, …); absent: AWS itself. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+/, { message: 'S3_ENDPOINT must be an http(s) URL such as http://minio:9000' })
  S3_ENDPOINT?: string;

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  @Transform(toBool)
  @IsBoolean({ message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE = false;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** The OpenAPI document and UI at /api/docs: on by default, off in production unless asked for. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'API_DOCS must be true or false' })
  API_DOCS?: boolean;

  /**
   * The SMTP server mail goes out through: smtp://user:pass@host:587 (STARTTLS when offered) or
   * smtps://…:465. Absent (development only): messages are captured, logged and kept for the
   * admin mailbox instead of sent.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s/]+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.org:587' })
  SMTP_URL?: string;

  /** The From of every message: an address, or "Name <address>". */
  @IsOptional()
  @Matches(/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
    message: 'MAIL_FROM must be an address or "Name <address>", such as "Laurel <no-reply@example.org>"',
  })
  MAIL_FROM?: string;

  /** Where people reach the console: links in mails start with it. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'PUBLIC_URL must be an http(s) URL such as https://laurel.example.org' })
  PUBLIC_URL?: string;

  /** Tries after the first before a message is marked failed. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(30)
  MAIL_RETRY_LIMIT = 10;

  /** The first wait before a retry; each next wait doubles (with jitter). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  MAIL_RETRY_DELAY_SECONDS = 30;

  /** For the tests that read the route table: the API prints it (`LAUREL_ROUTES …`) and exits instead of listening. */
  @Transform(toBool)
  @IsBoolean({ message: 'LAUREL_PRINT_ROUTES must be true or false (1 or 0)' })
  LAUREL_PRINT_ROUTES = false;
}

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'EnvironmentError';
  }
}

/** Validates raw environment values; throws an EnvironmentError naming every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const problems = validateSync(env, { whitelist: false, skipMissingProperties: false }).map(
    (error) =>
      `${error.property}: ${Object.values(error.constraints ?? {}).join('; ') || 'invalid value'}` +
      ` (got ${describe(raw[error.property])})`,
  );
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    problems.push('JWT_SECRET: required when NODE_ENV=production (at least 32 random characters)');
  }
  if (env.NODE_ENV === 'production' && !env.SMTP_URL) {
    problems.push(
      'SMTP_URL: required when NODE_ENV=production (the SMTP server that delivers mail, such as smtp://user:pass@mail.example.org:587)',
    );
  }
  if (env.NODE_ENV === 'production' && !env.MAIL_FROM) {
    problems.push('MAIL_FROM: required when NODE_ENV=production (the sender of every mail, such as "Laurel <no-reply@example.org>")');
  }
  if (env.NODE_ENV === 'production' && !env.PUBLIC_URL) {
    problems.push('PUBLIC_URL: required when NODE_ENV=production (where people open the console; links in mails start with it)');
  }
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  if ('problem' in trustProxy) problems.push(`${trustProxy.problem} (got ${describe(env.TRUST_PROXY)})`);
  if (env.STORAGE_DRIVER === 's3' && !env.S3_BUCKET) {
    problems.push('S3_BUCKET: required when STORAGE_DRIVER=s3 (the bucket that holds uploaded files)');
  }
  if (!!env.S3_ACCESS_KEY_ID !== !!env.S3_SECRET_ACCESS_KEY) {
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: give both, or neither to use the default AWS credential chain');
  }
  if (problems.length > 0) throw new EnvironmentError(problems);
  return env;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  return JSON.stringify(String(value).length > 40 ? `${String(value).slice(0, 40)}…` : value);
}
