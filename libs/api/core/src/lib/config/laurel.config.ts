import { join, resolve } from 'node:path';
import { registerAs } from '@nestjs/config';
import { EnvironmentVariables, validateEnvironment } from './environment';
import { resolveJwtSecret } from './jwt-secret';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

/** The validated configuration, grouped by area. Inject with `@Inject(laurelConfig.KEY)`. */
export interface LaurelConfig {
  env: EnvironmentVariables['NODE_ENV'];
  http: { port: number; host: string; consoleDir: string | null; apiDocs: boolean; trustProxy: TrustProxy };
  database: { url: string; poolMax: number; migrateOnStart: boolean };
  auth: { jwtSecret: string; jwtTtlSeconds: number; loginThrottleLimit: number; mailThrottleLimit: number; passwordQueueMax: number };
  votes: { throttleLimit: number; throttleWindowSeconds: number };
  storage: {
    dataDir: string;
    uploadMaxBytes: number;
    driver: 'local' | 's3';
    /** Where the local driver keeps files: `<LAUREL_DATA_DIR>/files`. */
    filesDir: string;
    s3: S3Settings | null;
  };
  mail: MailSettings;
  logLevel: string;
}

export interface MailSettings {
  /** Null: development without an SMTP server; messages are captured instead of sent. */
  smtpUrl: string | null;
  from: string;
  /** Without a trailing slash; links in mails are built on it. */
  publicUrl: string;
  retryLimit: number;
  retryDelaySeconds: number;
}

export interface S3Settings {
  bucket: string;
  region: string;
  endpoint: string | null;
  forcePathStyle: boolean;
  /** Null: the SDK's default credential chain (instance role, AWS_* variables, profile). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
}

export function buildLaurelConfig(env: EnvironmentVariables): LaurelConfig {
  const dataDir = resolve(env.LAUREL_DATA_DIR);
  return {
    env: env.NODE_ENV,
    http: {
      port: env.PORT,
      host: env.HOST,
      consoleDir: env.CONSOLE_DIR ? resolve(env.CONSOLE_DIR) : null,
      apiDocs: env.API_DOCS ?? env.NODE_ENV !== 'production',
      trustProxy: trustProxyOf(env),
    },
    database: { url: env.DATABASE_URL, poolMax: env.DB_POOL_MAX, migrateOnStart: env.MIGRATE_ON_START },
    auth: {
      jwtSecret: resolveJwtSecret(env.JWT_SECRET, dataDir),
      jwtTtlSeconds: env.JWT_TTL_SECONDS,
      loginThrottleLimit: env.LOGIN_THROTTLE_LIMIT,
      mailThrottleLimit: env.MAIL_THROTTLE_LIMIT,
      passwordQueueMax: env.PASSWORD_QUEUE_MAX,
    },
    votes: { throttleLimit: env.VOTE_THROTTLE_LIMIT, throttleWindowSeconds: 600 },
    storage: {
      dataDir,
      uploadMaxBytes: env.UPLOAD_MAX_BYTES,
      driver: env.STORAGE_DRIVER,
      filesDir: join(dataDir, 'files'),
      s3:
        env.STORAGE_DRIVER === 's3' && env.S3_BUCKET
          ? {
              bucket: env.S3_BUCKET,
              region: env.S3_REGION,
              endpoint: env.S3_ENDPOINT ?? null,
              forcePathStyle: env.S3_FORCE_PATH_STYLE,
              credentials:
                env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
                  ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
                  : null,
            }
          : null,
    },
    mail: {
      smtpUrl: env.SMTP_URL ?? null,
      from: env.MAIL_FROM ?? 'Laurel <no-reply@laurel.localhost>',
      publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
      retryLimit: env.MAIL_RETRY_LIMIT,
      retryDelaySeconds: env.MAIL_RETRY_DELAY_SECONDS,
    },
    logLevel: env.LOG_LEVEL,
  };
}

/** The proxies to believe about the client's address (validated already by validateEnvironment). */
export function trustProxyOf(env: Pick<EnvironmentVariables, 'TRUST_PROXY'>): TrustProxy {
  const parsed = parseTrustProxy(env.TRUST_PROXY);
  return 'value' in parsed ? parsed.value : false;
}

export const laurelConfig = registerAs('laurel', (): LaurelConfig => buildLaurelConfig(validateEnvironment(process.env)));
