// The buffered-amount starter promises that the reader can watch
// bufferedAmount fall. On loopback the operating system takes megabytes off
// the browser's hands at once, so a starter that sends too little shows 0 from
// its first sample: here the samples it prints must include a fall.
import { expect, inject, it } from 'vitest';
import { newPage, openLesson, sharedBrowser, terminalText } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

it('the buffered-amount starter prints bufferedAmount falling through values above 0', async () => {
  const page = await newPage(browser());
  try {
    await openLesson(page, `${baseUrl}/en/buffered-amount/`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // /slow reads the whole 24 MiB at its set pace, longer than waitForRunStatus allows.
    await page.locator('[data-playground][data-run-status="finished"]').waitFor({ timeout: 45_000 });
    const terminal = await terminalText(page);
    // The timer's samples, one per line as the starter prints them.
    const samples = [...terminal.matchAll(/^bufferedAmount = (\d+)$/gm)].map((m) => Number(m[1]));
    const falling = new Set(samples.filter((n) => n > 0));
    expect(falling.size, terminal).toBeGreaterThanOrEqual(2);
    expect(samples.at(-1), terminal).toBe(0);
  } finally {
    await page.context().close();
  }
}, 60_000);
