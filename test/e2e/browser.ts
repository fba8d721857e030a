// Real Chromium (Debian's) for the end-to-end tests, through playwright-core.
//
// Stable hooks of the lesson page that these tests (and test/e2e/lessons.test.ts)
// rely on — keep them:
//   - Lesson URLs: `${baseUrl}/zh/<slug>/` and `${baseUrl}/en/<slug>/`.
//   - Buttons by accessible name: Run/运行, Stop/停止, Reset/重置, Solution/答案, Share/分享.
//   - The playground root is `[data-playground]`; it gets `data-ready="true"` once the
//     editor and terminal are loaded (they load when it scrolls into view — use
//     `openLesson`, which scrolls to it and waits); the editor element gets
//     `data-editor-ready="true"` as soon as Monaco is editable, before the rest; and `data-run-status` =
//     idle | running | finished | stopped | failed.
//   - The terminal is in `role="region"` named Output/输出; xterm's DOM renderer puts
//     the visible rows in the page (`visibleTerminalRows`), and every printed line is
//     also kept unwrapped in a hidden `[data-role="transcript"]` (`terminalText`,
//     `waitForTerminal`).
//   - The exercise verdict (`[data-role="exercise"]`, text in `[data-role="check-result"]`) has
//     `data-check-status` = idle | checking (the run goes on and has not passed yet) | pass | fail
//     (only once the run is over).
//   - Below the controls a dock with tabs by name: Input/输入 (lessons with inputs; selected first),
//     Output/输出 and Inspector/流量检查器. Run selects Output. The inspector's `[data-role="inspector-list"]`
//     is in the DOM (display:none) while its tab is not selected.
//   - A `file` input is an `<input type="file">` inside the playground; a `canvas`
//     input is a `<canvas>` inside it (both in the Input tab).
//   - Reset, Solution and loaded snippets are undoable edits; "Restore my code"/"恢复我的代码"
//     (`[data-role="restore"]`) puts back the code they replaced.
//   - Run errors mark the editor: `.run-error-line` decorations, and
//     `data-error-line` on the editor element `[data-role="editor"]` (syntax errors too).
//   - The Stop button is disabled whenever `data-run-status` is not `running`.
//   - The runner's sandboxed frame runs in its own process: when it crashes (a run out of
//     memory) Playwright takes the whole page for crashed, so drive the page through a CDP
//     session opened before (see test/e2e/hostile-code.test.ts).
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { programPath } from '../support/requirements.ts';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: programPath('chromium') ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** One browser for a test file: launched before its tests, closed after them. Call at the file's top level. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is launched in beforeAll');
    return browser;
  };
}

export interface PageOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
  locale?: string;
}

/** A page in a fresh context (own storage and cookies), 1280×900 by default. */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale,
  });
  return context.newPage();
}

/** Opens a lesson page and waits until its playground (editor, terminal, runner) is ready. */
export async function openLesson(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-playground]').scrollIntoViewIfNeeded();
  await page.locator('[data-playground][data-ready="true"]').waitFor({ timeout: 30_000 });
}

/** Everything printed to the terminal this page load, unwrapped, one line per console line. */
export async function terminalText(page: Page): Promise<string> {
  return (await page.locator('[data-playground] [data-role="transcript"]').textContent()) ?? '';
}

/** Resolves with the terminal's text once it contains `text`. */
export async function waitForTerminal(page: Page, text: string): Promise<string> {
  await page.waitForFunction(
    (wanted) => document.querySelector('[data-playground] [data-role="transcript"]')?.textContent?.includes(wanted),
    text,
    { timeout: 20_000 },
  );
  return terminalText(page);
}

/** The rows xterm.js shows right now (its DOM renderer's text: what a reader sees). */
export function visibleTerminalRows(page: Page): Promise<string> {
  return page.locator('[data-playground] .xterm-rows').innerText();
}

/** Resolves when the playground's run status is one of `statuses`. */
export async function waitForRunStatus(page: Page, ...statuses: string[]): Promise<void> {
  await page.waitForFunction(
    (wanted) => wanted.includes(document.querySelector('[data-playground]')?.getAttribute('data-run-status') ?? ''),
    statuses,
    { timeout: 20_000 },
  );
}

/** Replaces the editor's code by typing it, the way a reader would (select all, then type). */
export async function typeCode(page: Page, code: string): Promise<void> {
  // Clicking focuses Monaco's input. Near the top left of the text area's visible box (not of its lines,
  // which shift left under the line numbers once a long line has scrolled the editor sideways).
  await page.locator('[data-role="editor"] .editor-scrollable').click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText avoids Monaco's auto-closing brackets and indentation.
  await page.keyboard.insertText(code);
}
