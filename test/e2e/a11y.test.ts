// axe-core on every page, in the light and the dark theme: no serious or
// critical issue. Lesson pages are checked with the playground loaded, and
// once more after a run, with the inspector's tables and the verdict showing.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser, newPage, openLesson, waitForRunStatus } from './browser.ts';
import { isLessonPath, sitePaths } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const adminToken = inject('adminToken');
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const browser = sharedBrowser();

/** Serious and critical violations on the page as it is now, one line each. */
async function seriousIssues(page: Page): Promise<string[]> {
  // evaluate() is not subject to the page's CSP, which forbids injected script elements.
  await page.evaluate(await axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      );
  });
}

describe.each(['light', 'dark'] as const)('in the %s theme', (colorScheme) => {
  // Some forty pages, each loaded and checked in turn.
  it('no page has a serious or critical axe issue', async () => {
    const page = await newPage(browser(), { colorScheme });
    const issues: string[] = [];
    for (const path of sitePaths(adminToken)) {
      if (isLessonPath(path)) await openLesson(page, `${baseUrl}${path}`);
      else await page.goto(`${baseUrl}${path}`);
      issues.push(...(await seriousIssues(page)).map((issue) => `${path}: ${issue}`));
    }
    expect(issues).toEqual([]);
    await page.context().close();
  }, 300_000);

  it('a lesson after a run, with the inspector open, has none either', async () => {
    const page = await newPage(browser(), { colorScheme });
    await openLesson(page, `${baseUrl}/en/send/`);
    await page.getByRole('button', { name: 'Solution', exact: true }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRunStatus(page, 'finished', 'failed', 'stopped');
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.locator('[data-role="inspector-list"] table').first().waitFor();
    expect(await seriousIssues(page)).toEqual([]);
    await page.context().close();
  });
});
