import { type Browser, type BrowserContext, type Page, expect, test } from '@playwright/test';
import { Api, type Session } from './support/api';
import { known } from '@laurel/domain';
import { assignmentOf, type PitchDay, type PitchJudge, setUpPitchDay } from './support/pitch-setup';

const TABLET = { width: 820, height: 1180 };
const PROJECTOR = { width: 1280, height: 720 };

/** A signed-in page of its own browser context (a tablet in the hall, the projector's laptop). */
async function openAs(
  browser: Browser,
  baseURL: string,
  session: Session,
  viewport: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport });
  await context.addInitScript(
    ({ token, user }) => {
      localStorage.setItem('laurel.lang', 'en');
      localStorage.setItem('laurel.token', token);
      localStorage.setItem('laurel.user', user);
    },
    { token: session.token, user: JSON.stringify(session.user) },
  );
  return { context, page: await context.newPage() };
}

/** The four items the fixture makes (teams on the run sheet), or a failure naming what came instead. */
function fourOf<T>(items: T[], what: string): [T, T, T, T] {
  const [a, b, c, d, ...more] = items;
  if (a === undefined || b === undefined || c === undefined || d === undefined || more.length > 0) {
    throw new Error(`expected four ${what}, got ${items.length}`);
  }
  return [a, b, c, d];
}

test.describe('pitch day in the hall', () => {
  test('the control page moves three judges and the board; submissions show at once; a judge back from offline catches up; the reveal goes tier by tier', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const day: PitchDay = await setUpPitchDay(baseURL as string);
    const api = new Api(baseURL as string);
    const contexts: BrowserContext[] = [];
    try {
      const control = await openAs(browser, baseURL as string, day.organizer, TABLET);
      contexts.push(control.context);
      const page = control.page;
      await page.goto(`/organize/pitch/${day.roundId}`);
      await expect(page.getByTestId('control-connection')).toHaveText('Live', { timeout: 30_000 });
      const slots = page.getByTestId('run-sheet-slot');
      await expect(slots).toHaveCount(4);

      // The run sheet: the second team moves up (keyboard-reachable ↑), the new first gets a
      // 30-second pitch and no questions (so its questions are over soon), and the order is saved.
      const drawn: { slots: { entryId: string }[] } = await api.call('GET', `/api/rounds/${day.roundId}/stage`, day.organizer.token);
      const [drawn1, drawn2, drawn3, drawn4] = fourOf(
        drawn.slots.map((s) => s.entryId),
        'drawn slots',
      );
      const expectedOrder = [drawn2, drawn1, drawn3, drawn4];
      await slots.nth(1).getByTestId('slot-up').click();
      // A page whose run sheet is behind the round (a team joined it meanwhile) sends a sheet
      // without that team: the API's refusal names the team, and the page says so in words.
      await page.route(
        '**/run-sheet',
        async (route) => {
          const sent = route.request().postDataJSON() as { slots: unknown[] };
          await route.continue({ postData: JSON.stringify({ ...sent, slots: sent.slots.slice(0, -1) }) });
        },
        { times: 1 },
      );
      await page.getByTestId('run-sheet-save').click();
      const left = known(
        day.entries.find((e) => e.id === drawn4),
        'the last team of the run sheet',
      );
      await expect(page.getByTestId('control-problems')).toHaveText(
        `${left.code} has no line: every team of the round has one (mark a team that does not come as “No show”).`,
      );
      // A pitch shorter than the API allows (12 seconds): the refusal names the line and the field as the page shows them.
      await slots.nth(0).getByLabel('Pitch (minutes)').fill('0.2');
      await slots.nth(0).getByLabel('Pitch (minutes)').dispatchEvent('change');
      await page.getByTestId('run-sheet-save').click();
      await expect(page.getByTestId('control-message')).toHaveText('Please correct the following. Line 1 · pitch (seconds): At least 30.');
      await expect(page.getByTestId('control-problems')).toHaveCount(0);
      await slots.nth(0).getByLabel('Pitch (minutes)').fill('0.5');
      await slots.nth(0).getByLabel('Pitch (minutes)').dispatchEvent('change');
      await slots.nth(0).getByLabel('Q&A (minutes)').fill('0');
      await slots.nth(0).getByLabel('Q&A (minutes)').dispatchEvent('change');
      await page.getByTestId('run-sheet-save').click();
      await expect(page.getByText('Saved.')).toBeVisible();
      const saved: { version: number; slots: { entryId: string; pitchSeconds: number; qaSeconds: number }[] } = await api.call(
        'GET',
        `/api/rounds/${day.roundId}/stage`,
        day.organizer.token,
      );
      expect(saved.slots.map((s) => s.entryId)).toEqual(expectedOrder);
      expect(saved.slots[0]).toMatchObject({ pitchSeconds: 30, qaSeconds: 0 });
      const entryOf = (id: string) =>
        known(
          day.entries.find((e) => e.id === id),
          `the entry ${id} of the run sheet`,
        );
      const [first, second, third, last] = fourOf(expectedOrder.map(entryOf), 'entries on the run sheet');

      // Three judges on their tablets, each looking at the last team's sheet; the projector board.
      const tablets: { judge: PitchJudge; page: Page; context: BrowserContext }[] = [];
      for (const judge of day.judges) {
        const opened = await openAs(browser, baseURL as string, judge, TABLET);
        contexts.push(opened.context);
        await opened.page.goto(`/judging/${assignmentOf(judge, last.id)}`);
        await expect(opened.page.getByTestId('stage-follow')).toHaveAttribute('data-connection', 'live', { timeout: 30_000 });
        tablets.push({ judge, ...opened });
      }
      const board = await openAs(browser, baseURL as string, day.organizer, PROJECTOR);
      contexts.push(board.context);
      await board.page.goto(`/stage/${day.roundId}`);
      await expect(board.page.getByText('The programme starts shortly')).toBeVisible({ timeout: 30_000 });

      // "Next team": every judge page moves to the first team's sheet, the board shows it.
      await page.getByTestId('control-next').click();
      for (const { judge, page: judgePage } of tablets) {
        await expect(judgePage).toHaveURL(new RegExp(`/judging/${assignmentOf(judge, first.id)}$`));
        await expect(judgePage.getByTestId('scoring-heading')).toContainText(first.title);
        await expect(judgePage.getByTestId('stage-follow-name')).toContainText(first.title);
      }
      await expect(board.page.getByTestId('board-on-stage')).toHaveText(first.teamName);
      await expect(page.getByTestId('control-on-stage')).toContainText(first.title);

      // A judge submits on the tablet: the control page and the board show it (how fast is the
      // bench's pitch-day case, measured against a bare server; no timed assertion here).
      const scoring = known(tablets[0], "the first judge's tablet");
      const late = known(tablets[2], "the third judge's tablet");
      const scorer = scoring.page;
      await scorer.getByTestId('score-input-0').fill('8');
      await scorer.getByTestId('score-input-1').fill('7');
      await scorer.getByTestId('submit-sheet').click();
      await scorer.getByTestId('submit-dialog-confirm').click();
      const onControl = page.getByTestId('control-judge').filter({ hasText: scoring.judge.name });
      const onBoard = board.page.getByTestId('board-judge').filter({ hasText: scoring.judge.name });
      await expect(onControl).toHaveAttribute('data-submitted', 'true');
      await expect(onBoard).toHaveAttribute('data-submitted', 'true');
      await expect(page.getByTestId('control-submitted-count')).toHaveText('1/3 judges submitted');
      // Never a score on the board.
      await expect(board.page.locator('body')).not.toContainText('75');

      // The 30-second pitch ends with no questions: a judge whose sheet is still open is nudged.
      await expect(late.page.getByTestId('stage-follow-nudge')).toBeVisible({ timeout: 45_000 });
      await expect(scorer.getByTestId('stage-follow-nudge')).toHaveCount(0);

      // A judge's tablet loses the network for 10 s; the next team starts meanwhile.
      await late.context.setOffline(true);
      await page.waitForTimeout(10_000);
      await page.getByTestId('control-next').click();
      await expect(scorer).toHaveURL(new RegExp(`/judging/${assignmentOf(scoring.judge, second.id)}$`));
      await expect(late.page).toHaveURL(new RegExp(`/judging/${assignmentOf(late.judge, first.id)}$`));
      await late.context.setOffline(false);
      await expect(late.page).toHaveURL(new RegExp(`/judging/${assignmentOf(late.judge, second.id)}$`), { timeout: 15_000 });
      await expect(late.page.getByTestId('stage-follow-name')).toContainText(second.title);

      // Every sheet in (totals 90, 80, 70, 60 by the draw's order), the round closed: the reveal.
      for (const judge of day.judges) {
        for (const [k, entryId] of expectedOrder.entries()) {
          const assignment = assignmentOf(judge, entryId);
          const detail = await api.call('GET', `/api/assignments/${assignment}`, judge.token);
          if (detail.sheet.status === 'submitted') continue;
          const value = 9 - k;
          const scores = day.criteria.map((criterionId) => ({ criterionId, value }));
          await api.call('PUT', `/api/assignments/${assignment}/sheet`, judge.token, {
            scores,
            version: detail.sheet.version,
          });
          await api.call('POST', `/api/assignments/${assignment}/submit`, judge.token, {});
        }
      }
      await api.call('POST', `/api/rounds/${day.roundId}/close`, day.organizer.token, {});
      await expect(page.getByTestId('control-reveal')).toBeVisible({ timeout: 10_000 });
      const reveal = [
        { tier: 'encouragement', winner: last },
        { tier: 'third', winner: third },
        { tier: 'second', winner: second },
        { tier: 'first', winner: first },
      ];
      for (const [step, { tier, winner }] of reveal.entries()) {
        await page.getByTestId('control-reveal').click();
        const shown = board.page.getByTestId('board-tier');
        await expect(shown).toHaveCount(step + 1);
        // The newest tier on top, the earlier ones below it in the order they came.
        await expect(shown.first()).toHaveAttribute('data-tier', tier);
        await expect(shown.first()).toContainText(winner.teamName);
      }
      await expect(board.page.getByTestId('board-tier').last()).toHaveAttribute('data-tier', 'encouragement');
      await expect(page.getByTestId('control-reveal')).toBeDisabled();
    } finally {
      for (const context of contexts) await context.close();
    }
  });
});
