import { EnvironmentError, validateEnvironment } from './environment';

describe(validateEnvironment.name, () => {
  const valid = { DATABASE_URL: 'postgres://laurel:secret@localhost:5432/laurel' };

  it('fills the defaults and turns numbers from text into numbers', () => {
    const env = validateEnvironment({ ...valid, PORT: '8080' });
    expect(env).toMatchObject({ NODE_ENV: 'development', PORT: 8080, HOST: '0.0.0.0', DB_POOL_MAX: 10, LOGIN_THROTTLE_LIMIT: 10 });
    expect(env.UPLOAD_MAX_BYTES).toBe(20 * 1024 * 1024);
  });

  it('names every bad variable in one error', () => {
    expect(() => validateEnvironment({ DATABASE_URL: 'mysql://x', PORT: 'eighty', NODE_ENV: 'staging' })).toThrow(EnvironmentError);
    try {
      validateEnvironment({ DATABASE_URL: 'mysql://x', PORT: 'eighty', NODE_ENV: 'staging' });
    } catch (error) {
      const problems = (error as EnvironmentError).problems.join('\n');
      expect(problems).toMatch(/^DATABASE_URL: DATABASE_URL must be a postgres:\/\/ connection URL/m);
      expect(problems).toMatch(/^PORT: .*got "eighty"/m);
      expect(problems).toMatch(/^NODE_ENV: /m);
    }
  });

  it('migrates on start unless MIGRATE_ON_START says false, and refuses anything but a boolean', () => {
    expect(validateEnvironment(valid).MIGRATE_ON_START).toBe(true);
    expect(validateEnvironment({ ...valid, MIGRATE_ON_START: 'false' }).MIGRATE_ON_START).toBe(false);
    expect(validateEnvironment({ ...valid, MIGRATE_ON_START: 'true' }).MIGRATE_ON_START).toBe(true);
    expect(() => validateEnvironment({ ...valid, MIGRATE_ON_START: 'no' })).toThrow(
      /MIGRATE_ON_START: MIGRATE_ON_START must be true or false \(got "no"\)/,
    );
  });

  it('prints the route table only when LAUREL_PRINT_ROUTES says so, and refuses anything but a boolean', () => {
    expect(validateEnvironment(valid).LAUREL_PRINT_ROUTES).toBe(false);
    expect(validateEnvironment({ ...valid, LAUREL_PRINT_ROUTES: '1' }).LAUREL_PRINT_ROUTES).toBe(true);
    expect(validateEnvironment({ ...valid, LAUREL_PRINT_ROUTES: '0' }).LAUREL_PRINT_ROUTES).toBe(false);
    expect(() => validateEnvironment({ ...valid, LAUREL_PRINT_ROUTES: 'yes' })).toThrow(/LAUREL_PRINT_ROUTES must be true or false/);
  });

  it('needs DATABASE_URL', () => {
    expect(() => validateEnvironment({})).toThrow(/DATABASE_URL/);
  });

  it('needs JWT_SECRET in production, and a long one', () => {
    expect(() => validateEnvironment({ ...valid, NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required when NODE_ENV=production/);
    expect(() => validateEnvironment({ ...valid, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
    const mail = { SMTP_URL: 'smtp://mail.example.org:587', MAIL_FROM: 'no-reply@example.org', PUBLIC_URL: 'https://laurel.example.org' };
    expect(validateEnvironment({ ...valid, ...mail, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toBe('x'.repeat(32));
  });

  it('needs SMTP_URL, MAIL_FROM and PUBLIC_URL in production, naming each', () => {
    const production = { ...valid, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    expect(() => validateEnvironment(production)).toThrow(/SMTP_URL: required when NODE_ENV=production/);
    expect(() => validateEnvironment(production)).toThrow(/MAIL_FROM: required when NODE_ENV=production/);
    expect(() => validateEnvironment(production)).toThrow(/PUBLIC_URL: required when NODE_ENV=production/);
    const env = validateEnvironment({
      ...production,
      SMTP_URL: 'smtp://laurel:secret@mail.example.org:587',
      MAIL_FROM: 'Laurel <no-reply@example.org>',
      PUBLIC_URL: 'https://laurel.example.org',
    });
    expect(env).toMatchObject({
      SMTP_URL: 'smtp://laurel:secret@mail.example.org:587',
      MAIL_RETRY_LIMIT: 10,
      MAIL_RETRY_DELAY_SECONDS: 30,
    });
  });

  it('captures mail in development when SMTP_URL is absent, and refuses malformed mail settings', () => {
    expect(validateEnvironment(valid).SMTP_URL).toBeUndefined();
    expect(() => validateEnvironment({ ...valid, SMTP_URL: 'mail.example.org:25' })).toThrow(
      /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => validateEnvironment({ ...valid, MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM must be an address/);
    expect(() => validateEnvironment({ ...valid, PUBLIC_URL: 'laurel.example.org' })).toThrow(/PUBLIC_URL must be an http\(s\) URL/);
    expect(validateEnvironment({ ...valid, MAIL_FROM: 'Ban tổ chức <btc@example.vn>' }).MAIL_FROM).toBe('Ban tổ chức <btc@example.vn>');
  });

  it('refuses a port out of range', () => {
    expect(() => validateEnvironment({ ...valid, PORT: '70000' })).toThrow(/PORT/);
  });

  it('stores files on local disk unless told otherwise', () => {
    const env = validateEnvironment(valid);
    expect(env).toMatchObject({ STORAGE_DRIVER: 'local', S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: false });
  });

  it('needs a bucket with the s3 driver, and both keys or neither', () => {
    expect(() => validateEnvironment({ ...valid, STORAGE_DRIVER: 's3' })).toThrow(/S3_BUCKET: required when STORAGE_DRIVER=s3/);
    expect(() => validateEnvironment({ ...valid, STORAGE_DRIVER: 's3', S3_BUCKET: 'laurel', S3_ACCESS_KEY_ID: 'key' })).toThrow(
      /give both, or neither/,
    );
    expect(() => validateEnvironment({ ...valid, STORAGE_DRIVER: 'ftp' })).toThrow(/STORAGE_DRIVER must be local or s3/);
    expect(() => validateEnvironment({ ...valid, S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT must be an http\(s\) URL/);
    expect(() => validateEnvironment({ ...valid, S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/S3_FORCE_PATH_STYLE must be true or false/);
    const env = validateEnvironment({
      ...valid,
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'laurel-files',
      S3_ENDPOINT: 'http://minio:9000',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(env).toMatchObject({ STORAGE_DRIVER: 's3', S3_BUCKET: 'laurel-files', S3_FORCE_PATH_STYLE: true });
  });
});
