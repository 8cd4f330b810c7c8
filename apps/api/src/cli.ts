import 'reflect-metadata';
import { inviteAdmin } from './app/invite-admin';
import { createDataSource, resetDatabase, runMigrationsLocked, seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from '@laurel/api-database';

const USAGE = `Usage: node dist/apps/api/cli.js <command>
  migrate     apply pending migrations
  reset       drop every table and migrate from empty (refused when NODE_ENV=production)
  seed-demo   add the demo contest and accounts unless they are there
  invite-admin EMAIL [NAME]
              mail EMAIL an invitation to become an administrator (the first one of a new deployment)`;

async function main(command: string | undefined): Promise<void> {
  if (!command || !['migrate', 'reset', 'seed-demo', 'invite-admin'].includes(command)) {
    console.error(USAGE);
    process.exit(2);
  }
  const url = process.env['DATABASE_URL'];
  if (!url) {
    console.error('DATABASE_URL is not set: give the PostgreSQL to use, e.g. postgres://user:pass@host:5432/laurel');
    process.exit(2);
  }
  if (command === 'invite-admin') {
    await inviteAdmin(process.argv[3], process.argv[4]);
    return;
  }
  const dataSource = createDataSource({ url, applicationName: `laurel-cli-${command}` });
  await dataSource.initialize();
  try {
    if (command === 'migrate') {
      const applied = await runMigrationsLocked(dataSource);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    } else if (command === 'reset') {
      if (process.env['NODE_ENV'] === 'production') {
        throw new Error('reset refuses to run with NODE_ENV=production: it deletes every table.');
      }
      await resetDatabase(dataSource);
      console.log('The database was emptied and migrated from scratch.');
    } else {
      await runMigrationsLocked(dataSource);
      const result = await seedDemo(dataSource);
      console.log(result.seeded ? 'Demo contest seeded.' : 'The demo contest is already there; nothing changed.');
      console.log(`Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error((error as Error).message ?? error);
  process.exit(1);
});
