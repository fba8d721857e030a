// The exercise verdict a learner reads: never a "not yet" while a correct run
// is still going, and the code's own error (with its line, in the page's
// language) when it never got going.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser, newPage, openLesson, typeCode, waitForRunStatus } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

const BUTTONS = { zh: { run: '运行', solution: '答案' }, en: { run: 'Run', solution: 'Solution' } } as const;

/** Starts recording every check status the page shows, with the run status at that moment. */
async function recordVerdicts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { verdicts: string[] }).verdicts = seen;
    const exercise = document.querySelector<HTMLElement>('[data-check-status]');
    const playground = document.querySelector<HTMLElement>('[data-playground]');
    new MutationObserver(() => {
      const entry = `${exercise?.dataset.checkStatus}@${playground?.dataset.runStatus}`;
      if (seen.at(-1) !== entry) seen.push(entry);
    }).observe(exercise!, { attributes: true, attributeFilter: ['data-check-status'] });
  });
}
const verdicts = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { verdicts: string[] }).verdicts);

describe('while a correct run is in progress', () => {
  it.each([
    ['en', 'errors'],
    ['zh', 'buffered-amount'],
    ['zh', 'ready-state'],
  ] as const)('%s/%s: the verdict is "checking" until it passes, never a fail', async (locale, slug) => {
    const page = await newPage(browser());
    await openLesson(page, `${baseUrl}/${locale}/${slug}/`);
    await page.getByRole('button', { name: BUTTONS[locale].solution, exact: true }).click();
    await recordVerdicts(page);
    await page.getByRole('button', { name: BUTTONS[locale].run, exact: true }).click();
    await page.locator('[data-check-status="pass"]').waitFor({ timeout: 30_000 });
    const seen = await verdicts(page);
    expect(seen[0]).toMatch(/^checking@/);
    expect(seen.filter((v) => v.startsWith('fail'))).toEqual([]);
    await page.context().close();
  });
});

describe('when the run is over', () => {
  it('gives the verdict when the code threw with a socket the server never lets close', async () => {
    const page = await newPage(browser());
    await openLesson(page, `${baseUrl}/en/ready-state/`);
    // /heartbeat?silentAfter=0 stops answering at once, so the close the runner sends is never completed.
    await typeCode(
      page,
      'const ws = new WebSocket(`${SERVER_URL}/heartbeat?silentAfter=0`);\nawait new Promise((r) => (ws.onopen = r));\nnull.boom;\n',
    );
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRunStatus(page, 'failed');
    await page.locator('[data-check-status="fail"]').waitFor({ timeout: 10_000 });
    await page.context().close();
  });
});

describe('code that never got going', () => {
  it.each([
    { locale: 'en', words: ['did not parse', '(line 4)', 'SyntaxError'] },
    { locale: 'zh', words: ['代码无法解析', '第 4 行', 'SyntaxError'] },
  ] as const)('a syntax error is the verdict, with its line ($locale)', async ({ locale, words }) => {
    const page = await newPage(browser());
    await openLesson(page, `${baseUrl}/${locale}/ready-state/`);
    await typeCode(page, "const ws = new WebSocket(ECHO_URL);\nws.onopen = () => {\n  ws.send('x');\n}}\n");
    await page.getByRole('button', { name: BUTTONS[locale].run, exact: true }).click();
    await page.locator('[data-check-status="fail"]').waitFor();
    const text = await page.locator('[data-role="check-result"]').innerText();
    for (const word of words) expect(text).toContain(word);
    // Not the task's hint: the error is the reason.
    expect(text).not.toMatch(/new WebSocket\(ECHO_URL\)/);
    await page.context().close();
  });

  it('an error thrown before any socket opened is the verdict, with its line', async () => {
    const page = await newPage(browser());
    await openLesson(page, `${baseUrl}/en/ready-state/`);
    await typeCode(page, '// nothing yet\nnull.boom;\nnew WebSocket(ECHO_URL);');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRunStatus(page, 'failed', 'finished');
    await page.locator('[data-check-status="fail"]').waitFor();
    const text = await page.locator('[data-role="check-result"]').innerText();
    expect(text).toContain('stopped with an error (line 2) before doing anything');
    expect(text).toContain('TypeError');
    await page.context().close();
  });
});
