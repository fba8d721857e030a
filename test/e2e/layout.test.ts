// The playground as a learner meets it on a laptop and on a phone: the result
// of Run on screen, no page wider than a phone, finger-sized buttons, and
// Reset/Solution/snippets that never lose the reader's code.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { localizeCode } from '../../site/course/localize-code.ts';
import { sharedBrowser, newPage, openLesson, typeCode, waitForRunStatus } from './browser.ts';
import { isLessonPath, lessonSlugs, sitePaths } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const adminToken = inject('adminToken');
const browser = sharedBrowser();

/** Whether the element's top `visible` px (or all of it, if shorter) are inside the viewport. */
function inViewport(page: Page, selector: string, visible: number): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((el, wanted) => {
      const box = el.getBoundingClientRect();
      const needed = Math.min(box.height, wanted);
      return box.top >= 0 && box.top + needed <= innerHeight;
    }, visible);
}

/** The editor's code as the page saves it (null: the starter, unchanged). The save is debounced. */
async function savedCode(page: Page, slug: string): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), `wsp:code:${slug}`);
}

/** What a Run must leave on screen: the whole verdict, the output's first 120 px, and Run itself. */
async function resultsOnScreen(page: Page): Promise<{ verdict: boolean; outputHead: boolean; run: boolean }> {
  return {
    verdict: await inViewport(page, '[data-role="exercise"]', 1000),
    outputHead: await inViewport(page, '[data-playground] [role="region"][aria-label="Output"]', 120),
    run: await inViewport(page, '[data-role="run"]', 44),
  };
}

/** How long a Run's verdict may take to be final before the test takes it as it is. */
const VERDICT_FINAL_MS = 3000;

const firstEditorLine = async (page: Page): Promise<string> =>
  (await page.locator('[data-role="editor"] .view-line').first().innerText()).replace(/\u00a0/g, ' ');

describe.each([
  { width: 1440, height: 900 },
  { width: 360, height: 780 },
])('at $width×$height', ({ width, height }) => {
  it.each(lessonSlugs)('Run on %s shows the verdict and the output without scrolling', async (slug) => {
    const page = await newPage(browser(), { width, height });
    await openLesson(page, `${baseUrl}/en/${slug}/`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // The verdict's final text can be several lines taller than "checking…" and push the output down.
    // Some starters run on for many seconds: their verdict is still checking, and stays its height.
    await page
      .waitForFunction(() => document.querySelector<HTMLElement>('[data-role="exercise"]')?.dataset.checkStatus !== 'checking', null, {
        timeout: VERDICT_FINAL_MS,
      })
      .catch(() => {});
    // The run may bring them into view (smoothly): poll until it settles, all three on screen at once.
    await expect.poll(() => resultsOnScreen(page), { timeout: 5000 }).toEqual({ verdict: true, outputHead: true, run: true });
    await page.context().close();
  });
});

describe('at 360×780, after Run', () => {
  it('leaves the page where the reader scrolled it when the verdict then grows', async () => {
    const page = await newPage(browser(), { width: 360, height: 780 });
    // The errors lesson's starter takes about two seconds to fail: time for the reader to scroll first.
    await openLesson(page, `${baseUrl}/en/errors/`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForTimeout(600);
    expect(await page.locator('[data-role="exercise"]').getAttribute('data-check-status')).toBe('checking');
    await page.mouse.move(180, 400);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(400);
    const scrolledTo = await page.evaluate(() => scrollY);
    await page.locator('[data-role="exercise"][data-check-status="fail"]').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => scrollY)).toBe(scrolledTo);
    await page.context().close();
  });
});

describe('at 1440×900, the playground docked beside the prose', () => {
  it('Run leaves the page where it is when the verdict and the output are already on screen', async () => {
    const page = await newPage(browser(), { width: 1440, height: 900 });
    await openLesson(page, `${baseUrl}/en/handshake/`);
    // Every scroll position from the dock up to the page: the docked column scrolls on its own.
    const scrollPositions = () =>
      page.locator('[data-role="dock"]').evaluate((dock) => {
        const positions: number[] = [];
        for (let el: Element | null = dock; el; el = el.parentElement) positions.push(el.scrollTop);
        return [...positions, scrollY];
      });
    expect(await resultsOnScreen(page)).toMatchObject({ verdict: true, outputHead: true });
    const before = await scrollPositions();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRunStatus(page, 'running');
    // Long enough for a smooth scroll to have moved.
    await page.waitForTimeout(800);
    expect(await scrollPositions()).toEqual(before);
    await page.context().close();
  });
});

describe('on a 360 px phone', () => {
  it('no page scrolls sideways', async () => {
    const page = await newPage(browser(), { width: 360, height: 780 });
    const wide: string[] = [];
    for (const path of sitePaths(adminToken)) {
      if (isLessonPath(path)) await openLesson(page, `${baseUrl}${path}`);
      else await page.goto(`${baseUrl}${path}`);
      // Every demo mounts once it is near the viewport: walk the page down, then wait for them all.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < height; y += 600) {
        // Two frames at each stop, so the demos' IntersectionObserver sees every part of the page.
        await page.evaluate(
          (to) =>
            new Promise((done) => {
              scrollTo(0, to);
              requestAnimationFrame(() => requestAnimationFrame(done));
            }),
          y,
        );
      }
      await page.waitForFunction(() => [...document.querySelectorAll('[data-demo]')].every((d) => d.childElementCount > 0));
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > 360) wide.push(`${path} is ${scrollWidth} px wide`);
    }
    expect(wide).toEqual([]);
    await page.context().close();
  }, 300_000);

  it('gives every playground button a 44 px target, puts previous/next after the playground and the editor 35+ columns', async () => {
    const page = await newPage(browser(), { width: 360, height: 780 });
    await openLesson(page, `${baseUrl}/en/send/`);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button')]
        .filter((b) => b.offsetParent !== null)
        .map((b) => ({ name: b.textContent?.trim(), box: b.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(({ name, box }) => `${name}: ${box.width}×${box.height}`),
    );
    expect(small).toEqual([]);
    const order = await page.evaluate(() => {
      const pager = document.querySelector('.pager');
      const playground = document.querySelector('[data-playground]');
      return !!pager && !!playground && !!(playground.compareDocumentPosition(pager) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(order).toBe(true);
    // 40 characters typed on one line stay on one editor line (no wrap) at 360 px.
    await typeCode(page, '// 345678901234567890123456789012345');
    expect(await page.locator('[data-role="editor"] .view-line').count()).toBe(1);
    await page.context().close();
  });
});

describe('replacing the code', () => {
  it('Reset, Solution and a prose snippet are undone by Ctrl+Z, offer "Restore my code", keep the copy and start at the top', async () => {
    const page = await newPage(browser());
    const slug = 'handshake';
    const url = `${baseUrl}/en/${slug}/`;
    // What the en page loads: the solution's en version.
    const solution = localizeCode(await readFile(new URL(`../../lessons/${slug}/solution.js`, import.meta.url), 'utf8'), 'en');
    await openLesson(page, url);
    const mine = `// my own work\n${Array.from({ length: 60 }, (_, i) => `console.log(${i});`).join('\n')}`;
    await typeCode(page, mine);
    await expect.poll(() => savedCode(page, slug)).toBe(mine);

    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => savedCode(page, slug)).toBe(null);
    // Ctrl+Z restores the reader's code.
    await page.locator('[data-role="editor"] .view-lines').click({ position: { x: 8, y: 8 } });
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => savedCode(page, slug)).toBe(mine);

    // Solution shows the solution from its first line (the reader was at the bottom of theirs).
    await page.getByRole('button', { name: 'Solution', exact: true }).click();
    await expect.poll(() => savedCode(page, slug)).toBe(solution);
    expect(await firstEditorLine(page)).toBe(solution.split('\n')[0]);
    // The reader's copy survives a reload; "Restore my code" brings it back.
    await openLesson(page, url);
    await page.getByRole('button', { name: 'Restore my code', exact: true }).click();
    await expect.poll(() => savedCode(page, slug)).toBe(mine);
    expect(await page.getByRole('button', { name: 'Restore my code', exact: true }).isVisible()).toBe(false);

    // A prose snippet loaded into the editor is undoable the same way.
    await page.getByRole('button', { name: 'Load this code into the editor' }).first().click();
    await expect.poll(() => savedCode(page, slug)).not.toBe(mine);
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => savedCode(page, slug)).toBe(mine);
    await page.context().close();
  });
});
