import { resolve } from 'node:path';
import { registerAs } from '@nestjs/config';
import { EnvironmentVariables, validateEnvironment } from './environment';
import { resolveJwtSecret } from './jwt-secret';

/** The validated configuration, grouped by area. Inject with `@Inject(laurelConfig.KEY)`. */
export interface LaurelConfig {
  env: EnvironmentVariables['NODE_ENV'];
  http: { port: number; host: string; consoleDir: string | null };
  database: { url: string; poolMax: number };
  auth: { jwtSecret: string; jwtTtlSeconds: number; loginThrottleLimit: number };
  storage: { dataDir: string; uploadMaxBytes: number };
  logLevel: string;
}

export function buildLaurelConfig(env: EnvironmentVariables): LaurelConfig {
  const dataDir = resolve(env.LAUREL_DATA_DIR);
  return {
    env: env.NODE_ENV,
    http: { port: env.PORT, host: env.HOST, consoleDir: env.CONSOLE_DIR ? resolve(env.CONSOLE_DIR) : null },
    database: { url: env.DATABASE_URL, poolMax: env.DB_POOL_MAX },
    auth: {
      jwtSecret: resolveJwtSecret(env.JWT_SECRET, dataDir),
      jwtTtlSeconds: env.JWT_TTL_SECONDS,
      loginThrottleLimit: env.LOGIN_THROTTLE_LIMIT,
    },
    storage: { dataDir, uploadMaxBytes: env.UPLOAD_MAX_BYTES },
    logLevel: env.LOG_LEVEL,
  };
}

export const laurelConfig = registerAs('laurel', (): LaurelConfig =>
  buildLaurelConfig(validateEnvironment(process.env)),
);
