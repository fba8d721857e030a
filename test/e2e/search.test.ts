// Offline search over both languages (Pagefind's index, built with the site):
// a Chinese word finds the Chinese lesson, an English word the English one, and
// nothing the search does leaves the host.
import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser, newPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

describe('search', () => {
  it.each([
    { locale: 'zh', query: '掩码', label: '搜索课程', lesson: '/zh/features/' },
    { locale: 'zh', query: '关闭码', label: '搜索课程', lesson: '/zh/errors/' },
    { locale: 'en', query: 'bufferedAmount', label: 'Search the lessons', lesson: '/en/buffered-amount/' },
  ])('finds $lesson by “$query”, offline', async ({ locale, query, label, lesson }) => {
    const page = await newPage(browser());
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(baseUrl) && !request.url().startsWith('data:') && !request.url().startsWith('blob:'))
        elsewhere.push(request.url());
    });
    // From the header's link, as a reader finds it.
    await page.goto(`${baseUrl}/${locale}/`);
    await page.locator('.search-link').click();
    await page.getByRole('searchbox', { name: label }).fill(query);
    const hit = page.locator(`[data-search-results] a[href="${lesson}"]`);
    await hit.waitFor({ timeout: 15_000 });
    // Only this language's lessons answer.
    const hrefs = await page.locator('[data-search-results] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.every((href) => href?.startsWith(`/${locale}/`))).toBe(true);
    expect(elsewhere).toEqual([]);
    // The query is in the address, so a reload or a shared link searches again.
    await page.reload();
    await hit.waitFor({ timeout: 15_000 });
    await page.context().close();
  });

  it('shows a hostile query as text and says nothing matched', async () => {
    const page = await newPage(browser());
    // The last word matches no lesson, so nothing does (Pagefind wants every word).
    const hostile = '<img src=x onerror="document.title=\'pwned\'"> zqxjvk';
    await page.goto(`${baseUrl}/en/search/?q=${encodeURIComponent(hostile)}`);
    await page.locator('[data-search-status]').filter({ hasText: 'No lesson matches' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-search-status]').innerText()).toContain(hostile);
    expect(await page.locator('[data-search-results] img').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    await page.context().close();
  });
});
