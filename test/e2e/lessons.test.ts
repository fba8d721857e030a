// Every lesson folder, in both locales, in real Chromium against the real
// server (see global-setup.ts): the page loads, the starter runs without an
// uncaught error, the starter does not pass its check (unless the lesson says
// it should), and the solution does. Then, per lesson, a cheat typed into the
// player never passes and an alternative correct solution does (lesson-attempts.ts).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readLessonMeta } from '../../site/course/course-check.ts';
import type { Locale } from '../../site/i18n/locales.ts';
import { launchBrowser, newPage, openLesson, terminalText, typeCode } from './browser.ts';
import { ATTEMPTS } from './lesson-attempts.ts';

const baseUrl = inject('baseUrl');
const lessonsDir = fileURLToPath(new URL('../../lessons/', import.meta.url));

/** A lesson is a folder with prose in both locales. */
const slugs = readdirSync(lessonsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`${lessonsDir}${d.name}/zh.md`) && existsSync(`${lessonsDir}${d.name}/en.md`))
  .map((d) => d.name)
  .sort();

const BUTTONS: Record<Locale, { run: string; solution: string; stop: string }> = {
  zh: { run: '运行', solution: '答案', stop: '停止' },
  en: { run: 'Run', solution: 'Solution', stop: 'Stop' },
};
/** A starter that has not returned by then is stopped; its output is still checked. */
const STARTER_MS = 30_000;
/** The solution must pass within this long (the slowest solutions take a few seconds). */
const SOLUTION_MS = 60_000;

function meta(slug: string) {
  return readLessonMeta(slug, JSON.parse(readFileSync(`${lessonsDir}${slug}/meta.json`, 'utf8')));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const playground = (page: Page) => page.locator('[data-playground]');
const checkStatus = (page: Page) => page.locator('[data-playground] [data-check-status]').getAttribute('data-check-status');

/** Clicks Run and resolves with the run status once the code's top level has returned (or was stopped after `ms`). */
async function runToEnd(page: Page, locale: Locale, ms: number): Promise<string> {
  await page.getByRole('button', { name: BUTTONS[locale].run, exact: true }).click();
  const ended = () =>
    page.waitForFunction(
      () => !['running', 'idle'].includes(document.querySelector('[data-playground]')?.getAttribute('data-run-status') ?? ''),
      null,
      { timeout: ms },
    );
  try {
    await ended();
  } catch {
    await page.getByRole('button', { name: BUTTONS[locale].stop, exact: true }).click();
    await ended();
  }
  return (await playground(page).getAttribute('data-run-status')) ?? '';
}

/** What the run showed of an uncaught error: a marked editor line, or "Uncaught" in the terminal. */
async function uncaughtError(page: Page): Promise<string | null> {
  const line = await page.locator('[data-role="editor"]').getAttribute('data-error-line');
  const terminal = await terminalText(page);
  const uncaught = terminal.split('\n').find((l) => l.includes('Uncaught'));
  if (uncaught) return uncaught;
  return line === null ? null : `error marked on line ${line}`;
}

describe.each(slugs)('lesson %s', (slug) => {
  it.each(['zh', 'en'] as const)(
    '%s: loads, the starter runs cleanly, the solution passes',
    async (locale) => {
      const { starterPasses, inputs } = meta(slug);
      const page = await newPage(browser);
      try {
        const response = await page.goto(`${baseUrl}/${locale}/${slug}/`);
        expect(response?.status(), `${locale}/${slug} HTTP status`).toBe(200);
        await expect(page.locator('article h1').innerText()).resolves.not.toBe('');
        // One language per page: the starter and solution the page carries are its language's.
        const code = JSON.parse((await page.locator('script[data-lesson-code]').textContent()) ?? '{}') as Record<string, string>;
        for (const program of [code.starter ?? '', code.solution ?? '']) {
          if (locale === 'en') expect(program, `${locale}/${slug} code`).not.toMatch(/\p{Script=Han}/u);
          expect(program, `${locale}/${slug} code`).not.toMatch(/\/\/\s*(@(zh|en)\b|(zh|en):)/);
        }
        expect(code.starter, `${locale}/${slug} starter`).toMatch(locale === 'zh' ? /\p{Script=Han}/u : /[A-Za-z]/);
        await openLesson(page, `${baseUrl}/${locale}/${slug}/`);
        if (inputs.includes('file')) {
          await playground(page)
            .locator('input[type="file"]')
            .setInputFiles({
              name: 'notes.txt',
              mimeType: 'text/plain',
              buffer: Buffer.from('a small file picked in the e2e test\n'),
            });
        }

        const starterStatus = await runToEnd(page, locale, STARTER_MS);
        expect(['finished', 'stopped'], `starter run status of ${locale}/${slug}`).toContain(starterStatus);
        expect(await uncaughtError(page), `starter of ${locale}/${slug}`).toBeNull();
        // The player's own lines (run separators, "finished") start with a rule; the starter must print something of its own.
        const printed = (await terminalText(page)).split('\n').filter((l) => l.trim() !== '' && !l.startsWith('──'));
        expect(printed, `starter output of ${locale}/${slug}`).not.toEqual([]);
        if (starterPasses) expect(await checkStatus(page), `starter check of ${locale}/${slug}`).toBe('pass');
        else expect(await checkStatus(page), `starter check of ${locale}/${slug}`).not.toBe('pass');

        await page.getByRole('button', { name: BUTTONS[locale].solution, exact: true }).click();
        await page.getByRole('button', { name: BUTTONS[locale].run, exact: true }).click();
        await page
          .locator('[data-playground] [data-check-status="pass"]')
          .waitFor({ timeout: SOLUTION_MS })
          .catch(async () => {
            const hint = await page.locator('[data-role="check-result"]').innerText();
            throw new Error(`solution of ${locale}/${slug} did not pass: ${hint}\n${await terminalText(page)}`);
          });
        expect(await uncaughtError(page), `solution of ${locale}/${slug}`).toBeNull();
      } finally {
        await page.context().close();
      }
    },
    150_000,
  );
});

describe.each(slugs)('exercise verdicts of %s', (slug) => {
  const attempts = ATTEMPTS[slug];
  it('every lesson has a cheat and an alternative to try', () => {
    expect(attempts, `test/e2e/lesson-attempts.ts has no entry for ${slug}`).toBeDefined();
  });
  if (!attempts) return;

  // The cheat on the zh page, the alternative on the en page: both languages' players judge.
  it(`zh: a cheat never passes (${attempts.cheat.name})`, async () => {
    const page = await newPage(browser);
    try {
      await openLesson(page, `${baseUrl}/zh/${slug}/`);
      await typeCode(page, attempts.cheat.code);
      // Every verdict the panel shows during the run, not only the last: one pass would mark the lesson done.
      await page.evaluate(() => {
        const panel = document.querySelector<HTMLElement>('[data-playground] [data-check-status]')!;
        const seen: string[] = ((window as unknown as { verdicts: string[] }).verdicts = []);
        new MutationObserver(() => seen.push(panel.dataset.checkStatus ?? '')).observe(panel, { attributeFilter: ['data-check-status'] });
      });
      await runToEnd(page, 'zh', attempts.cheat.stopAfterMs ?? STARTER_MS);
      const verdicts = await page.evaluate(() => (window as unknown as { verdicts: string[] }).verdicts);
      expect(verdicts, `${slug} cheat "${attempts.cheat.name}":\n${await terminalText(page)}`).not.toContain('pass');
      expect(await checkStatus(page)).not.toBe('idle');
    } finally {
      await page.context().close();
    }
  }, 90_000);

  it(`en: an alternative correct solution passes (${attempts.alternative.name})`, async () => {
    const page = await newPage(browser);
    try {
      await openLesson(page, `${baseUrl}/en/${slug}/`);
      await typeCode(page, attempts.alternative.code);
      await page.getByRole('button', { name: BUTTONS.en.run, exact: true }).click();
      await page
        .locator('[data-playground] [data-check-status="pass"]')
        .waitFor({ timeout: SOLUTION_MS })
        .catch(async () => {
          const hint = await page.locator('[data-role="check-result"]').innerText();
          throw new Error(`${slug} alternative "${attempts.alternative.name}" did not pass: ${hint}\n${await terminalText(page)}`);
        });
    } finally {
      await page.context().close();
    }
  }, 90_000);
});
