// A workshop in real Chromium against the real server: the instructor page
// behind its token sees a participant and their passed lesson, and an
// announcement reaches the participant's page at once; a reader can stop
// sharing progress.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const token = inject('adminToken');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function figure(page: Page, selector: string): Promise<number> {
  return Number(await page.locator(selector).innerText());
}

describe('workshop', () => {
  it('answers 401 without the token and 403 with a wrong one', async () => {
    const page = await newPage(browser);
    expect((await page.goto(`${baseUrl}/workshop/`))?.status()).toBe(401);
    expect((await page.goto(`${baseUrl}/en/workshop/?token=wrong`))?.status()).toBe(403);
    await page.context().close();
  });

  it('shows the instructor a participant’s progress and pushes an announcement to their page', async () => {
    const participant = await newPage(browser);
    // A reader who has passed one lesson, as the player records it.
    await participant.goto(`${baseUrl}/en/`);
    await participant.evaluate(() => localStorage.setItem('wsp:progress', JSON.stringify(['handshake'])));
    await participant.goto(`${baseUrl}/en/handshake/`);

    const instructor = await newPage(browser, { locale: 'en-US' });
    await instructor.goto(`${baseUrl}/workshop/?token=${encodeURIComponent(token)}`);
    await instructor.waitForURL(`${baseUrl}/en/workshop/?token=${encodeURIComponent(token)}`);
    await instructor.locator('[data-connection="open"]').waitFor();
    // The language switch keeps the token.
    expect(await instructor.locator('.lang-switch').getAttribute('href')).toBe(`/zh/workshop/?token=${encodeURIComponent(token)}`);
    await instructor.waitForFunction(() => Number(document.querySelector('[data-lesson-row="handshake"] [data-passed]')?.textContent) >= 1);
    expect(await figure(instructor, '[data-participants]')).toBeGreaterThanOrEqual(1);
    expect(await figure(instructor, '[data-reporting]')).toBeGreaterThanOrEqual(1);

    await instructor.getByLabel(/Appears at once/).fill('Lesson 5 starts now');
    await instructor.getByRole('button', { name: 'Send to everyone' }).click();
    const banner = participant.getByRole('status').filter({ hasText: 'Lesson 5 starts now' });
    await banner.waitFor({ timeout: 5000 });
    await participant.screenshot({ path: 'test-results/workshop-participant.png' });
    await instructor.screenshot({ path: 'test-results/workshop-instructor.png', fullPage: true });

    // Turning sharing off takes this reader out of the reported progress.
    const reportingBefore = await figure(instructor, '[data-reporting]');
    await participant.getByLabel(/Share which lessons I have passed/).uncheck();
    await instructor.waitForFunction(
      (before) => Number(document.querySelector('[data-reporting]')?.textContent) === before - 1,
      reportingBefore,
    );
    await participant.context().close();
    await instructor.context().close();
  });
});
