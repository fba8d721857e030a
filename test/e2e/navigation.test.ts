// Finding one's way: numbered lessons with an "n of m passed" line, `/`
// opening the language the reader picked, and Share announcing a sentence
// rather than reading its thousand-character link aloud.
import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser, newPage, openLesson } from './browser.ts';
import { lessonSlugs } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

describe('finding the way', () => {
  it('numbers the lessons and says how many have passed', async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/en/`);
    const numbers = await page.locator('.lesson-list .lesson-number').allInnerTexts();
    expect(numbers).toEqual(lessonSlugs.map((_, i) => `${i + 1}.`));
    expect(await page.locator('[data-progress-summary]').innerText()).toBe(`0 of ${lessonSlugs.length} passed`);
    await page.evaluate(() => localStorage.setItem('wsp:progress', JSON.stringify(['send', 'errors'])));
    await page.goto(`${baseUrl}/zh/`);
    expect(await page.locator('[data-progress-summary]').innerText()).toBe(`已通过 2 / ${lessonSlugs.length} 课`);
    await page.context().close();
  });

  it('`/` opens the language the reader switched to, whatever the browser prefers', async () => {
    const page = await newPage(browser(), { locale: 'zh-CN' });
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(`${baseUrl}/zh/`);
    await page.locator('.lang-switch').click();
    await page.waitForURL(`${baseUrl}/en/`);
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(`${baseUrl}/en/`);
    await page.context().close();
  });

  it('Share announces that the link was copied, without the link', async () => {
    const page = await newPage(browser());
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await openLesson(page, `${baseUrl}/en/handshake/`);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect.poll(() => page.locator('[data-role="announce"]').innerText()).toBe('Share link copied.');
    await page.context().close();
  });
});
