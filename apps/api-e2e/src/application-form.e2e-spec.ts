import { Workbook } from 'exceljs';
import fc from 'fast-check';
import { Client } from 'pg';
import { known } from '@laurel/domain';
import { completeEntry, getBytes, newApplicant, openContest, postFile, sql, sqlRow } from './fixtures/entries';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { createJudgingContest, insertEntry, userId } from './support/judging-fixtures';

const l = (vi: string, en: string) => ({ vi, en });

/** The provincial contest's form: founding date, tax code, province, stage, team size, agreement. */
const FORM = [
  { key: 'foundedOn', label: l('Ngày thành lập', 'Founding date'), type: 'date', required: true },
  { key: 'taxCode', label: l('Mã số thuế', 'Tax code'), type: 'text', required: true, maxLength: 14, identifying: true },
  {
    key: 'province',
    label: l('Tỉnh/thành thực hiện', 'Province'),
    type: 'choice',
    required: true,
    options: ['Hải Phòng', 'Hà Nội', 'Quảng Ninh'],
  },
  { key: 'stage', label: l('Giai đoạn', 'Stage'), type: 'choice', required: false, options: ['Ý tưởng', 'MVP', 'Có doanh thu'] },
  { key: 'teamSize', label: l('Số thành viên', 'Team size'), type: 'number', required: false, min: 1, max: 100 },
  { key: 'pitch', label: l('Giới thiệu', 'Pitch'), type: 'longtext', required: false },
  { key: 'agree', label: l('Tôi đồng ý với thể lệ', 'I accept the rules'), type: 'boolean', required: true },
];
const RULES = [
  {
    id: 'young',
    kind: 'date_within_years',
    params: { field: 'foundedOn', years: 5 },
    message: l('Doanh nghiệp thành lập không quá 5 năm', 'Founded at most 5 years ago'),
  },
  { id: 'small', kind: 'max_team_size', params: { max: 5 }, message: l('Đội không quá 5 người', 'At most 5 team members') },
  {
    id: 'local',
    kind: 'choice_in',
    params: { field: 'province', values: ['Hải Phòng'] },
    message: l('Dự án thực hiện tại Hải Phòng', 'Carried out in Hải Phòng'),
  },
  {
    id: 'perOrg',
    kind: 'max_entries_per_organization',
    params: { max: 1 },
    message: l('Mỗi đơn vị tối đa 1 hồ sơ', 'At most 1 entry per organization'),
  },
  { id: 'agreed', kind: 'must_be_true', params: { field: 'agree' }, message: l('Phải đồng ý với thể lệ', 'The rules must be accepted') },
];

/** The date `years` years and `days` days before the contest's deadline, as the Hà Nội calendar reads it. */
function yearsBefore(deadline: string, years: number, days = 0): string {
  const local = new Date(Date.parse(deadline) + 7 * 3600_000);
  const date = new Date(Date.UTC(local.getUTCFullYear() - years, local.getUTCMonth(), local.getUTCDate() - days));
  return date.toISOString().slice(0, 10);
}

describe('the contest’s own application form and eligibility rules over HTTP', () => {
  let api: ApiProcess;
  let http: Http;
  let organizer: string;
  let contest: { id: string; categories: { id: string; name: string }[]; submissionClosesAt: string };
  let good: Record<string, unknown>;

  const patchContest = (body: Record<string, unknown>) => http.request('PATCH', `/api/contests/${contest.id}`, { body, token: organizer });
  const version = async () => (await http.get(`/api/contests/${contest.id}`, organizer)).body.version as number;
  const patchEntry = (id: string, body: unknown, token: string) => http.request('PATCH', `/api/entries/${id}`, { body, token });

  beforeAll(async () => {
    const databaseUrl = await createDatabase();
    await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: databaseUrl });
    api = await startApi({}, databaseUrl);
    http = new Http(api.url);
    organizer = await http.login('organizer@demo.laurel');
    contest = (await openContest(http, databaseUrl, organizer, { slug: 'form-rules-2027', requirePitchDeck: false })) as typeof contest;
    good = {
      foundedOn: yearsBefore(contest.submissionClosesAt, 5),
      taxCode: '0312345678',
      province: 'Hải Phòng',
      agree: true,
      teamSize: 3,
    };
  });
  afterAll(() => api?.stop());

  /** A new applicant's complete draft with these answers and organization. */
  async function draft(answers: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
    const team = await newApplicant(http);
    const created = await http.post(
      `/api/contests/${contest.id}/entries`,
      completeEntry(contest, known(contest.categories[0], 'contest.categories[0]').id, { ...overrides, answers }),
      team.token,
    );
    if (created.status !== 201) throw new Error(`draft: ${created.status} ${JSON.stringify(created.body)}`);
    return { team, entry: created.body };
  }

  describe('the form and the rules', () => {
    it('refuses duplicate keys and a rule naming a missing field with 400 naming the field, and writes nothing', async () => {
      const before = await version();
      const twice = await patchContest({ version: before, formFields: [FORM[0], { ...FORM[1], key: 'foundedOn' }] });
      expect(twice.status).toBe(400);
      expect(twice.body.fields).toEqual([expect.objectContaining({ field: 'formFields.1.key', code: 'duplicate' })]);

      const missing = await patchContest({
        version: before,
        formFields: FORM,
        eligibilityRules: [{ ...RULES[4], params: { field: 'accepted' } }],
      });
      expect(missing.status).toBe(400);
      expect(missing.body.fields).toEqual([expect.objectContaining({ field: 'eligibilityRules.0.params.field', code: 'unknown' })]);
      expect(missing.body.message).toMatch(/"accepted" is not a field of the form/);

      const badType = await patchContest({ version: before, formFields: [{ ...FORM[0], type: 'signature' }] });
      expect(badType.status).toBe(400);
      expect(badType.body.fields[0].field).toBe('formFields.0.type');
      expect(await version()).toBe(before);
    });

    it('saves the form and the rules, and shows them with the contest', async () => {
      const saved = await patchContest({ version: await version(), formFields: FORM, eligibilityRules: RULES });
      expect(saved.status).toBe(200);
      expect(saved.body.formFields.map((f: { key: string }) => f.key)).toEqual(FORM.map((f) => f.key));
      expect(saved.body.formFields[1]).toEqual({ ...FORM[1] });
      expect(saved.body.eligibilityRules).toEqual(RULES);
      expect(saved.body.formLocked).toBe(false);
      // Public readers see the questions too: an applicant must know them before starting.
      expect((await http.get(`/api/contests/form-rules-2027`)).body.formFields).toHaveLength(FORM.length);
    });
  });

  describe('answers', () => {
    it('type-checks every save: each wrong answer is a 400 naming it, and nothing is written', async () => {
      const { team, entry } = await draft({ taxCode: '0312345678' });
      expect(entry.answers).toEqual({ taxCode: '0312345678' });
      const cases: [Record<string, unknown>, string, string][] = [
        [{ teamSize: 'four' }, 'answers.teamSize', 'type'],
        [{ teamSize: 0 }, 'answers.teamSize', 'min'],
        [{ province: 'Đà Nẵng' }, 'answers.province', 'option'],
        [{ foundedOn: '2023-02-29' }, 'answers.foundedOn', 'format'],
        [{ taxCode: '031234567890123' }, 'answers.taxCode', 'max_length'],
        [{ ceoPassport: 'B1234567' }, 'answers.ceoPassport', 'unknown'],
        // An answer of a million characters fits under the body limit and is refused by the field.
        [{ pitch: 'x'.repeat(1_000_000) }, 'answers.pitch', 'max_length'],
      ];
      for (const [answers, field, code] of cases) {
        const refused = await patchEntry(entry.id, { version: 1, answers }, team.token);
        expect(refused.status).toBe(400);
        expect(refused.body.fields).toEqual([expect.objectContaining({ field, code })]);
      }
      expect((await patchEntry(entry.id, { version: 1, answers: ['MVP'] }, team.token)).status).toBe(400);
      const unchanged = await http.get(`/api/entries/${entry.id}`, team.token);
      expect(unchanged.body).toMatchObject({ version: 1, answers: { taxCode: '0312345678' } });

      // A save merges: given keys replace, null clears, the rest stays.
      const saved = await patchEntry(entry.id, { version: 1, answers: { province: 'Hà Nội', teamSize: 4, taxCode: null } }, team.token);
      expect(saved.status).toBe(200);
      expect(saved.body.answers).toEqual({ province: 'Hà Nội', teamSize: 4 });
    });
  });

  describe('the fast-check fuzz', () => {
    /** Keys JSON parsers treat specially; the body parser refuses them before any field check. */
    const plainKey = (key: string) => !['__proto__', 'constructor', 'prototype'].includes(key) && !FORM.some((f) => f.key === key);
    const notDate = (text: string) => text !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(text);
    /** Values each question must refuse: a wrong type, past its limits, outside its options, a megabyte. */
    const wrongFor: Record<string, fc.Arbitrary<unknown>> = {
      foundedOn: fc.oneof(
        fc.integer(),
        fc.boolean(),
        fc.string().filter(notDate),
        fc.constantFrom('2023-02-29', '2024-13-01', '01/02/2024'),
      ),
      taxCode: fc.oneof(
        fc.integer(),
        fc.boolean(),
        fc.array(fc.string(), { maxLength: 2 }),
        fc.string({ minLength: 15, maxLength: 60 }),
        fc.constant('x'.repeat(1_000_000)),
      ),
      province: fc.oneof(
        fc.integer(),
        fc.string({ minLength: 1 }).filter((v) => !['Hải Phòng', 'Hà Nội', 'Quảng Ninh'].includes(v)),
        fc.constant(['Hải Phòng']),
      ),
      stage: fc.oneof(fc.boolean(), fc.constantFrom('mvp', 'Có doanh thu ', 'Series A')),
      teamSize: fc.oneof(
        fc.integer({ min: 101 }),
        fc.integer({ max: 0 }),
        fc.double({ min: 100.01, max: 1e9, noNaN: true }),
        fc.string(),
        fc.boolean(),
      ),
      pitch: fc.oneof(fc.integer(), fc.constant('x'.repeat(1_000_000)), fc.string({ minLength: 5001, maxLength: 5001 })),
      agree: fc.oneof(fc.string(), fc.integer(), fc.constantFrom('true', 'Có')),
    };
    const badAnswer = fc.oneof(
      fc.constantFrom(...FORM.map((f) => f.key)).chain((key) => known(wrongFor[key], 'wrongFor[key]').map((value) => ({ key, value }))),
      // A key the form does not have, whatever its value.
      fc
        .tuple(fc.string({ minLength: 1, maxLength: 30 }).filter(plainKey), fc.jsonValue({ maxDepth: 1 }))
        .map(([key, value]) => ({ key, value })),
    );

    it('refuses every bad answer it makes with 400 naming the answer, and writes nothing', async () => {
      const { team, entry } = await draft({ taxCode: '0312345678' });
      await fc.assert(
        fc.asyncProperty(badAnswer, async ({ key, value }) => {
          // Beside a good answer: the whole save is refused, the good one too.
          const refused = await patchEntry(entry.id, { version: 1, answers: { province: 'Hà Nội', [key]: value } }, team.token);
          expect(refused.status).toBe(400);
          expect(refused.body.fields).toEqual([expect.objectContaining({ field: `answers.${key}`.slice(0, 200) })]);
          const stored = await sql(api.databaseUrl, `SELECT version, answers FROM entries WHERE id = $1`, [entry.id]);
          expect(stored).toEqual([{ version: 1, answers: { taxCode: '0312345678' } }]);
        }),
        { numRuns: 60, seed: 14 },
      );
    });

    it('refuses every bad form it makes (a key twice, a rule naming a missing field) with 400 naming it, and writes nothing', async () => {
      const before = (await http.get(`/api/contests/${contest.id}`, organizer)).body;
      const twice = fc
        .tuple(fc.nat({ max: FORM.length - 1 }), fc.nat({ max: FORM.length - 1 }))
        .filter(([i, j]) => i !== j)
        .map(([i, j]) => ({
          body: { formFields: FORM.map((f, k) => (k === j ? { ...f, key: known(FORM[i], 'FORM[i]').key } : f)), eligibilityRules: [] },
          // The later of the two is the repeat.
          field: `formFields.${Math.max(i, j)}.key`,
        }));
      const missing = fc
        .tuple(fc.string({ minLength: 1, maxLength: 40 }).filter(plainKey), fc.nat({ max: RULES.length - 1 }))
        .map(([key, at]) => ({
          body: {
            formFields: FORM,
            eligibilityRules: RULES.map((r, k) => (k === at && 'field' in r.params ? { ...r, params: { ...r.params, field: key } } : r)),
          },
          field: `eligibilityRules.${at}.params.field`,
        }))
        .filter(({ body }) => JSON.stringify(body.eligibilityRules) !== JSON.stringify(RULES));
      await fc.assert(
        fc.asyncProperty(fc.oneof(twice, missing), async ({ body, field }) => {
          const refused = await patchContest({ version: before.version, ...body });
          expect(refused.status).toBe(400);
          expect(refused.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
          const after = (await http.get(`/api/contests/${contest.id}`, organizer)).body;
          expect({ version: after.version, formFields: after.formFields, eligibilityRules: after.eligibilityRules }).toEqual({
            version: before.version,
            formFields: before.formFields,
            eligibilityRules: before.eligibilityRules,
          });
        }),
        { numRuns: 40, seed: 14 },
      );
    });
  });

  describe('submission', () => {
    it('needs the required answers (422 naming them)', async () => {
      const { team, entry } = await draft({ foundedOn: '2024-01-01', province: 'Hải Phòng' });
      const refused = await http.post(`/api/entries/${entry.id}/submit`, {}, team.token);
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('entry.incomplete');
      expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual(['answers.taxCode', 'answers.agree']);
    });

    it('refuses an ineligible entry with 422 entry.ineligible naming each failed rule in the applicant’s language', async () => {
      const members = Array.from({ length: 6 }, (_, i) => ({ name: `Thành viên ${i + 1}`, role: 'Dev' }));
      const { team, entry } = await draft(
        { ...good, foundedOn: yearsBefore(contest.submissionClosesAt, 5, 1), province: 'Hà Nội' },
        { members },
      );
      const vi = await http.post(`/api/entries/${entry.id}/submit`, {}, team.token);
      expect(vi.status).toBe(422);
      expect(vi.body.code).toBe('entry.ineligible');
      expect(vi.body.fields).toEqual([
        { field: 'eligibilityRules.young', code: 'eligibility.rule_failed', message: 'Doanh nghiệp thành lập không quá 5 năm' },
        { field: 'eligibilityRules.small', code: 'eligibility.rule_failed', message: 'Đội không quá 5 người' },
        { field: 'eligibilityRules.local', code: 'eligibility.rule_failed', message: 'Dự án thực hiện tại Hải Phòng' },
      ]);
      expect(vi.body.message).toBe(
        'Hồ sơ chưa đáp ứng điều kiện tham gia cuộc thi: Doanh nghiệp thành lập không quá 5 năm; Đội không quá 5 người; Dự án thực hiện tại Hải Phòng. Hồ sơ chưa được nộp.',
      );
      const en = await http.request('POST', `/api/entries/${entry.id}/submit`, {
        body: {},
        token: team.token,
        headers: { 'accept-language': 'en-GB,en;q=0.9,vi;q=0.5' },
      });
      expect(en.body.fields.map((f: { message: string }) => f.message)).toEqual([
        'Founded at most 5 years ago',
        'At most 5 team members',
        'Carried out in Hải Phòng',
      ]);
      expect((await http.get(`/api/entries/${entry.id}`, team.token)).body).toMatchObject({ status: 'draft', code: null });
    });

    it('submits an entry founded exactly 5 years before the deadline, then counts its organization however it is written', async () => {
      const first = await draft(good, { organization: 'Công ty TNHH ABC' });
      const submitted = await http.post(`/api/entries/${first.entry.id}/submit`, {}, first.team.token);
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('submitted');

      const second = await draft(good, { organization: 'CONG TY TNHH abc' });
      const refused = await http.post(`/api/entries/${second.entry.id}/submit`, {}, second.team.token);
      expect(refused.status).toBe(422);
      expect(refused.body.fields).toEqual([
        { field: 'eligibilityRules.perOrg', code: 'eligibility.rule_failed', message: 'Mỗi đơn vị tối đa 1 hồ sơ' },
      ]);
    });

    it('lets two entries of one organization submitted at the same moment through one at a time', async () => {
      const drafts = await Promise.all([
        draft(good, { organization: 'Hợp tác xã Rạng Đông' }),
        draft(good, { organization: 'HOP TAC XA RANG DONG' }),
      ]);
      const results = await Promise.all(drafts.map((d) => http.post(`/api/entries/${d.entry.id}/submit`, {}, d.team.token)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
    });
  });

  describe('screening', () => {
    it('shows each rule’s outcome on the organizer’s entry view and the list, not to the applicant', async () => {
      const { team, entry } = await draft({ ...good, province: 'Quảng Ninh' });
      const asOwner = await http.get(`/api/entries/${entry.id}`, team.token);
      expect(asOwner.body).not.toHaveProperty('eligibilityChecks');
      const asOrganizer = await http.get(`/api/entries/${entry.id}`, organizer);
      expect(asOrganizer.body.eligibilityChecks).toEqual([
        { ruleId: 'young', kind: 'date_within_years', passed: true, message: known(RULES[0], 'RULES[0]').message },
        { ruleId: 'small', kind: 'max_team_size', passed: true, message: known(RULES[1], 'RULES[1]').message },
        { ruleId: 'local', kind: 'choice_in', passed: false, message: known(RULES[2], 'RULES[2]').message },
        { ruleId: 'perOrg', kind: 'max_entries_per_organization', passed: true, message: known(RULES[3], 'RULES[3]').message },
        { ruleId: 'agreed', kind: 'must_be_true', passed: true, message: known(RULES[4], 'RULES[4]').message },
      ]);
      const list = await http.get(`/api/contests/${contest.id}/entries?status=submitted&pageSize=100`, organizer);
      expect(list.status).toBe(200);
      for (const item of list.body.items)
        expect(item.eligibilityChecks.map((c: { ruleId: string }) => c.ruleId)).toEqual(RULES.map((r) => r.id));
      expect(list.body.items[0]).not.toHaveProperty('answers');
    });

    it('lets the organizer override a failed rule only with a reason, and audits the override', async () => {
      // Tightening the rule after submission makes the submitted entries fail it on re-check.
      const tightened = await patchContest({
        version: await version(),
        eligibilityRules: [{ ...RULES[2], params: { field: 'province', values: ['Hà Nội'] } }],
      });
      expect(tightened.status).toBe(200);
      const list = await http.get(`/api/contests/${contest.id}/entries?status=submitted&pageSize=100`, organizer);
      const failing = list.body.items.find((i: { eligibilityChecks: { passed: boolean }[] }) => i.eligibilityChecks.some((c) => !c.passed));
      expect(failing).toBeDefined();

      const bare = await http.post(`/api/entries/${failing.id}/eligibility`, { eligible: true }, organizer);
      expect(bare.status).toBe(400);
      expect(bare.body.fields).toEqual([
        {
          field: 'reason',
          code: 'screening.reason_override',
          params: { rules: 'local' },
          message: 'is needed to override the failed rule local: the audit trail keeps it',
        },
      ]);
      const decided = await http.post(
        `/api/entries/${failing.id}/eligibility`,
        { eligible: true, reason: 'Hai thành viên là cố vấn, không tính vào đội' },
        organizer,
      );
      expect(decided.status).toBe(200);
      expect(decided.body).toMatchObject({ eligibility: 'eligible', eligibilityReason: 'Hai thành viên là cố vấn, không tính vào đội' });
      const audit = await sql(
        api.databaseUrl,
        `SELECT payload FROM audit_events WHERE action = 'entry.eligibility_set' AND subject_id = $1`,
        [failing.id],
      );
      expect(audit.map((a) => a['payload'])).toEqual([expect.objectContaining({ eligibility: 'eligible', overriddenRules: ['local'] })]);
      await patchContest({ version: await version(), eligibilityRules: RULES });
    });
  });

  describe('a form with submitted entries', () => {
    it('is locked like a rubric: types, requirements and options stay; wording, order and optional fields may change', async () => {
      const current = (await http.get(`/api/contests/${contest.id}`, organizer)).body;
      expect(current.formLocked).toBe(true);
      const retyped = await patchContest({
        version: current.version,
        formFields: FORM.map((f) => (f.key === 'teamSize' ? { ...f, type: 'text', min: undefined, max: undefined } : f)),
      });
      expect(retyped.status).toBe(409);
      expect(retyped.body.code).toBe('contest.form_locked');
      expect(retyped.body.message).toMatch(/"teamSize" cannot change its type/);
      const required = await patchContest({
        version: current.version,
        formFields: [...FORM, { key: 'website', label: l('Website', 'Website'), type: 'url', required: true }],
      });
      expect(required.status).toBe(409);
      expect(required.body.message).toMatch(/the new field "website" must be optional/);
      const droppedOption = await patchContest({
        version: current.version,
        formFields: FORM.map((f) => (f.key === 'province' ? { ...f, options: ['Hải Phòng'] } : f)),
      });
      expect(droppedOption.status).toBe(409);

      const reworded = [...FORM]
        .reverse()
        .map((f) =>
          f.key === 'stage'
            ? { ...f, label: l('Giai đoạn phát triển', 'Development stage'), options: [...(f.options ?? []), 'Mở rộng'] }
            : f,
        );
      const allowed = await patchContest({
        version: current.version,
        formFields: [...reworded, { key: 'website', label: l('Website', 'Website'), type: 'url', required: false }],
      });
      expect(allowed.status).toBe(200);
      expect(allowed.body.formFields[0].key).toBe('agree');
    });

    it('removes a field only with an explicit confirmation and keeps its answers', async () => {
      const current = (await http.get(`/api/contests/${contest.id}`, organizer)).body;
      const without = current.formFields.filter((f: { key: string }) => f.key !== 'teamSize');
      const unconfirmed = await patchContest({ version: current.version, formFields: without });
      expect(unconfirmed.status).toBe(409);
      expect(unconfirmed.body.code).toBe('contest.form_removal_unconfirmed');
      expect(unconfirmed.body.message).toMatch(/"teamSize" \(\d+ answers\).*confirmRemovedFields: \["teamSize"\]/);
      const confirmed = await patchContest({ version: current.version, formFields: without, confirmRemovedFields: ['teamSize'] });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.formFields.map((f: { key: string }) => f.key)).not.toContain('teamSize');
      const kept = await sql(api.databaseUrl, `SELECT count(*)::int AS n FROM entries WHERE contest_id = $1 AND answers ? 'teamSize'`, [
        contest.id,
      ]);
      expect(kept[0]?.['n']).toBeGreaterThan(0);
      const retired = await sql(api.databaseUrl, `SELECT retired_form_fields FROM contests WHERE id = $1`, [contest.id]);
      expect(retired[0]?.['retired_form_fields']?.map((f: { key: string }) => f.key)).toEqual(['teamSize']);
    });
  });

  describe('workbooks', () => {
    const workbookOf = async (path: string) => {
      const download = await getBytes(api.url, path, organizer);
      expect(download.status).toBe(200);
      const workbook = new Workbook();
      await workbook.xlsx.load(download.bytes as never);
      return workbook;
    };
    const headerOf = (workbook: Workbook) =>
      (known(workbook.worksheets[0], 'workbook.worksheets[0]').getRow(1).values as string[]).slice(1);

    it('exports one column per question, a removed one marked and still filled', async () => {
      const sheet = known(
        (await workbookOf(`/api/contests/${contest.id}/entries.xlsx?status=submitted`)).worksheets[0],
        'the entries sheet',
      );
      const header = headerOf(sheet.workbook);
      const founded = header.indexOf('Ngày thành lập (foundedOn)') + 1;
      const agree = header.indexOf('Tôi đồng ý với thể lệ (agree)') + 1;
      const teamSize = header.indexOf('Số thành viên (đã xoá) (teamSize)') + 1;
      expect([founded, agree, teamSize].every((column) => column > 0)).toBe(true);
      const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.getCell(founded).value).toBe(good['foundedOn']);
        expect(row.getCell(agree).value).toBe('Có');
      }
      // The answers of the removed question stay, as numbers.
      expect(rows.some((row) => row.getCell(teamSize).value === 3)).toBe(true);
    });

    it('imports answers checked like the API, all or nothing, with each bad row and question named', async () => {
      const template = await workbookOf(`/api/contests/${contest.id}/entries/import-template.xlsx`);
      const header = headerOf(template);
      expect(header).toEqual(
        expect.arrayContaining(['Ngày thành lập / Founding date (foundedOn)', 'Mã số thuế / Tax code (taxCode)', 'Website (website)']),
      );
      // The instructions give an example per question that the contest's rules take: the province
      // the "local" rule asks for, a founding date one year before the deadline ("at most 5 years").
      const instructions = Array.from(known(template.worksheets[1], 'template.worksheets[1]').getColumn(2).values, (value) =>
        String(value ?? ''),
      );
      expect(instructions.find((line) => line.startsWith('Province (province)'))).toMatch(/; e\.g\. Hải Phòng$/);
      expect(instructions.find((line) => line.startsWith('Founding date (foundedOn)'))).toBe(
        `Founding date (foundedOn): date, written 2022-03-15, required; e.g. ${yearsBefore(contest.submissionClosesAt, 1)}`,
      );
      const column = (key: string) => header.findIndex((h) => h.endsWith(`(${key})`));
      const row = (title: string, answers: Record<string, string>) => {
        const values = [
          title,
          `Đội ${title}`,
          'Doanh nghiệp',
          'Công ty Nhập khẩu',
          'Tóm tắt',
          'Vấn đề',
          'Giải pháp',
          'Thị trường',
          'Mô hình',
          '',
          'Phạm Minh',
          'CEO',
          '',
        ];
        const cells = [...values, ...Array(header.length - values.length).fill('')];
        for (const [key, value] of Object.entries(answers)) cells[column(key)] = value;
        return cells;
      };
      const upload = async (rows: string[][]) => {
        const workbook = await workbookOf(`/api/contests/${contest.id}/entries/import-template.xlsx`);
        for (const values of rows) known(workbook.worksheets[0], 'workbook.worksheets[0]').addRow(values);
        return postFile(api.url, `/api/contests/${contest.id}/entries/import`, organizer, {
          bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
          fileName: 'entries.xlsx',
        });
      };
      const count = async () =>
        (await sqlRow(api.databaseUrl, `SELECT count(*)::int AS n FROM entries WHERE contest_id = $1`, [contest.id]))['n'];
      const before = await count();
      const answers = { foundedOn: '2023-06-01', taxCode: '0301112223', province: 'Hải Phòng', agree: 'Có' };

      const refused = await upload([
        row('Nhập một', { ...answers, province: 'Đà Nẵng', foundedOn: 'hôm qua' }),
        row('Nhập hai', { ...answers, agree: '' }),
      ]);
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('import.invalid_rows');
      expect(refused.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        'row 2: answers.foundedOn',
        'row 2: answers.province',
        'row 3: answers.agree',
      ]);
      expect(await count()).toBe(before);

      const imported = await upload([
        row('Nhập một', answers),
        row('Nhập hai', { ...answers, agree: 'Yes', website: 'https://nhaphai.vn' }),
      ]);
      expect(imported.status).toBe(200);
      expect(imported.body).toEqual({ imported: 2 });
      const stored = await sql(
        api.databaseUrl,
        `SELECT answers FROM entries WHERE contest_id = $1 AND title LIKE 'Nhập %' ORDER BY title DESC`,
        [contest.id],
      );
      expect(stored.map((r) => r['answers'])).toEqual([
        { foundedOn: '2023-06-01', taxCode: '0301112223', province: 'Hải Phòng', agree: true },
        { foundedOn: '2023-06-01', taxCode: '0301112223', province: 'Hải Phòng', agree: true, website: 'https://nhaphai.vn' },
      ]);
    });
  });

  describe('judges', () => {
    it('never see identifying answers in a blind round, in the API answer itself', async () => {
      const db = new Client({ connectionString: api.databaseUrl });
      await db.connect();
      try {
        const judging = await createJudgingContest(http, organizer, {
          rounds: [
            { name: 'Blind', judgesPerEntry: 1, blind: true },
            { name: 'Open', judgesPerEntry: 1, blind: false },
          ],
          judges: [{ email: 'judge2@demo.laurel', displayName: 'Judge 2' }],
          status: 'closed',
        });
        const form = await http.request('PATCH', `/api/contests/${judging.id}`, {
          body: { version: (await http.get(`/api/contests/${judging.id}`, organizer)).body.version, formFields: FORM },
          token: organizer,
        });
        expect(form.status).toBe(200);
        const entry = await insertEntry(db, judging, { title: 'Tàu điện mặt trời', organization: 'Công ty Mặt Trời' });
        await db.query(`UPDATE entries SET answers = $2::jsonb WHERE id = $1`, [
          entry.id,
          JSON.stringify({ taxCode: '0319999999', stage: 'MVP', teamSize: 4 }),
        ]);
        expect((await http.post(`/api/contests/${judging.id}/status`, { status: 'judging' }, organizer)).status).toBe(200);
        expect((await http.post(`/api/rounds/${judging.rounds[0].id}/open`, {}, organizer)).status).toBe(200);
        const judgeId = await userId(db, 'judge2@demo.laurel');
        const assigned = await http.post(`/api/rounds/${judging.rounds[0].id}/assignments`, { entryId: entry.id, judgeId }, organizer);
        expect(assigned.status).toBe(201);

        const judge = await http.login('judge2@demo.laurel');
        const mine = (await http.get('/api/me/assignments', judge)).body.find((a: { entry: { id: string } }) => a.entry.id === entry.id);
        expect(mine.entry.answers).toEqual([
          { key: 'stage', label: known(FORM[3], 'FORM[3]').label, type: 'choice', value: 'MVP' },
          { key: 'teamSize', label: known(FORM[4], 'FORM[4]').label, type: 'number', value: 4 },
        ]);
        const detail = await http.get(`/api/assignments/${mine.id}`, judge);
        expect(JSON.stringify(detail.body)).not.toContain('0319999999');
        expect(detail.body.entry.answers.map((a: { key: string }) => a.key)).toEqual(['stage', 'teamSize']);

        // In a round that is not blind, the judge reads the tax code too.
        await db.query(`UPDATE rounds SET blind = false WHERE id = $1`, [judging.rounds[0].id]);
        const open = await http.get(`/api/assignments/${mine.id}`, judge);
        expect(open.body.entry.answers.map((a: { key: string }) => a.key)).toEqual(['taxCode', 'stage', 'teamSize']);
      } finally {
        await db.end();
      }
    });
  });
});
