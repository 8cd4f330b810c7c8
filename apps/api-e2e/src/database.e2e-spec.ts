import { Client } from 'pg';
import { createDatabase, runNode, startApi } from './support/api-process';
import { Http } from './support/http';

async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('database and boot', () => {
  it('migrates an empty database from nothing, then finds nothing to do', async () => {
    const url = await createDatabase();
    const first = await runNode('dist/apps/api/cli.js', ['migrate'], { DATABASE_URL: url });
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/Applied: UsersAndContests/);
    const tables = await query<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['categories', 'contests', 'criteria', 'migrations', 'prizes', 'rounds', 'users']),
    );
    const second = await runNode('dist/apps/api/cli.js', ['migrate'], { DATABASE_URL: url });
    expect(second.output).toMatch(/up to date/);
  });

  it('seeds the demo contest once, and a second seed changes nothing', async () => {
    const url = await createDatabase();
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url })).output).toMatch(/Demo contest seeded/);
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url })).output).toMatch(/already there/);
    const [counts] = await query<{ contests: string; users: string; criteria: string; prizes: string }>(
      url,
      `SELECT (SELECT count(*) FROM contests) contests, (SELECT count(*) FROM users) users,
              (SELECT count(*) FROM criteria) criteria, (SELECT sum(count) FROM prizes) prizes`,
    );
    // 1 contest; 7 accounts; 6 criteria in each of 2 rounds; 1 + 1 + 2 + 5 prize places.
    expect(counts).toEqual({ contests: '1', users: '7', criteria: '12', prizes: '9' });

    const api = await startApi({}, url);
    try {
      const http = new Http(api.url);
      const contests = await http.get('/api/contests');
      expect(contests.body[0]).toMatchObject({ slug: 'startup-talent-2026', status: 'open' });
      expect(contests.body[0].categories.map((c: { name: string }) => c.name)).toEqual(['Doanh nghiệp khởi nghiệp', 'Ý tưởng sinh viên']);
      expect(contests.body[0].rounds[0].criteria.map((c: { name: string; weight: number }) => `${c.name} ${c.weight}`)).toEqual([
        'Tính đổi mới sáng tạo 25',
        'Tính khả thi 20',
        'Thị trường 20',
        'Đội ngũ 15',
        'Tác động xã hội 10',
        'Trình bày 10',
      ]);
      const organizer = await http.login('organizer@demo.laurel');
      expect((await http.get('/api/auth/me', organizer)).body.roles).toEqual(['organizer']);

      // The contest's own form and rules; founding date and tax code asked of companies only.
      const demo = contests.body[0];
      expect(demo.formFields.map((f: { key: string; type: string }) => `${f.key}:${f.type}`)).toEqual([
        'foundedOn:date',
        'taxCode:text',
        'province:choice',
        'stage:choice',
        'teamSize:number',
        'revenue:number',
        'acceptRules:boolean',
      ]);
      expect(demo.formFields[0].categoryIds).toEqual([demo.categories[0].id]);
      expect(demo.eligibilityRules.map((r: { id: string; kind: string }) => `${r.id}:${r.kind}`)).toEqual([
        'founded-5-years:date_within_years',
        'team-of-5:number_range',
        'in-hai-phong:choice_in',
        'two-per-organization:max_entries_per_organization',
        'accepts-rules:must_be_true',
      ]);
      // Six screened entries meet every rule; the seventh, not screened yet, fails three.
      const list = await http.get(`/api/contests/${demo.id}/entries?status=submitted&pageSize=100`, organizer);
      const failedRules = (item: { eligibilityChecks: { ruleId: string; passed: boolean }[] }) =>
        item.eligibilityChecks.filter((c) => !c.passed).map((c) => c.ruleId);
      const byCode = Object.fromEntries(
        list.body.items.map((item: any) => [item.code, { eligibility: item.eligibility, failed: failedRules(item) }]),
      );
      expect(byCode).toEqual({
        ...Object.fromEntries(
          ['ST26-001', 'ST26-002', 'ST26-003', 'ST26-004', 'ST26-005', 'ST26-006'].map((code) => [
            code,
            { eligibility: 'eligible', failed: [] },
          ]),
        ),
        'ST26-007': { eligibility: 'pending', failed: ['founded-5-years', 'team-of-5', 'in-hai-phong'] },
      });
      // Students are not asked the company's questions, so the founding rule does not apply to them.
      const student = list.body.items.find((item: any) => item.code === 'ST26-004');
      expect(student.eligibilityChecks.map((c: { ruleId: string }) => c.ruleId)).toEqual([
        'team-of-5',
        'in-hai-phong',
        'two-per-organization',
        'accepts-rules',
      ]);
    } finally {
      await api.stop();
    }
  });

  it('refuses to boot with a bad variable, naming it', async () => {
    const result = await runNode('dist/apps/api/main.js', [], { DATABASE_URL: 'mysql://nope', PORT: 'eighty', NODE_ENV: 'test' });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/DATABASE_URL/);
    expect(result.output).toMatch(/PORT/);
  });

  it('refuses to boot in production without JWT_SECRET', async () => {
    const url = await createDatabase();
    const result = await runNode('dist/apps/api/main.js', [], { DATABASE_URL: url, NODE_ENV: 'production', PORT: '0' });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/JWT_SECRET: required when NODE_ENV=production/);
  });

  it('finishes in-flight requests on SIGTERM and exits 0', async () => {
    const api = await startApi();
    const http = new Http(api.url);
    // argon2 makes a registration take a noticeable moment, so it is still running at SIGTERM.
    const inFlight = Promise.all(
      [1, 2, 3].map((i) => http.post('/api/auth/register', { email: `term${i}@example.vn`, password: 'password-1', displayName: 'T' })),
    );
    // Long enough for the server to have read all three requests, shorter than argon2 takes.
    await new Promise((r) => setTimeout(r, 60));
    const exit = api.stop('SIGTERM');
    const results = await inFlight;
    // What the server had read before SIGTERM finishes (202); anything that reached it after
    // the signal is told the server is going away (503) rather than being cut off.
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 202).length).toBeGreaterThan(0);
    for (const status of statuses) expect([202, 503]).toContain(status);
    expect(await exit).toBe(0);
  });

  it('keeps serving through a database outage and reports it in health', async () => {
    const url = await createDatabase();
    const api = await startApi({}, url);
    const http = new Http(api.url);
    try {
      expect((await http.get('/api/health')).body).toEqual({ status: 'ok', db: 'up' });
      // Kill every connection of the API, as a database restart would.
      await query(
        url,
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      const after = await http.get('/api/health');
      expect([200, 503]).toContain(after.status);
      expect(api.process.exitCode).toBeNull();
      // The pool reconnects.
      let health = await http.get('/api/health');
      for (let i = 0; i < 20 && health.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 250));
        health = await http.get('/api/health');
      }
      expect(health.body).toEqual({ status: 'ok', db: 'up' });
    } finally {
      await api.stop();
    }
  });
});
