// The lesson player in real Chromium against the real server (see global-setup.ts).
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, openLesson, typeCode, visibleTerminalRows, waitForRunStatus, waitForTerminal } from './browser.ts';

const baseUrl = inject('baseUrl');
const LESSON = 'handshake';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function editorText(page: Page): Promise<string> {
  // Monaco renders non-breaking spaces; compare with plain ones.
  return (await page.locator('[data-role="editor"] .view-lines').innerText()).replace(/\u00a0/g, ' ');
}

/** The server's count of open WebSockets, from its Prometheus metrics. */
async function openSocketsOnServer(): Promise<number> {
  const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
  const value = /^ws_connections_open (\d+)$/m.exec(metrics)?.[1];
  if (value === undefined) throw new Error('no ws_connections_open in /metrics');
  return Number(value);
}

/** Rests the mouse on `word` in the editor line showing `lineText`; resolves with the hover once it shows `word`. */
async function hoverWord(page: Page, lineText: string, word: string): Promise<Locator> {
  const line = page.locator('[data-role="editor"] .view-line', { hasText: lineText }).first();
  const box = await line.boundingBox();
  const chars = await line.evaluate((el) => ({ width: (el.firstElementChild as HTMLElement).offsetWidth, text: el.textContent ?? '' }));
  if (!box) throw new Error(`no editor line ${lineText}`);
  const x = box.x + (chars.width / chars.text.length) * (chars.text.indexOf(word) + word.length / 2);
  // Close the last hover first: it may cover the line, and the mouse would rest on it.
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  await page.locator('.monaco-hover-content').first().waitFor({ state: 'hidden' });
  const hover = page.locator('.monaco-hover-content', { hasText: word }).first();
  // Monaco opens a hover after the mouse rests; move again until the language service answers.
  for (let attempt = 0; attempt < 30; attempt++) {
    await page.mouse.move(x - 2, box.y + box.height / 2);
    await page.mouse.move(x, box.y + box.height / 2);
    if (
      await hover.waitFor({ timeout: 1000 }).then(
        () => true,
        () => false,
      )
    )
      break;
  }
  return hover;
}

/** Whether the hover is whole on screen: inside the viewport, and its first line not hidden by anything (such as the editor's clipping). */
function hoverUncut(hover: Locator): Promise<boolean> {
  return hover.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + 6);
    return box.top >= 0 && box.bottom <= innerHeight && !!hit && el.contains(hit);
  });
}

describe('lesson pages', () => {
  it('load in both locales with the lesson list and a language switch that keeps the lesson', async () => {
    const page = await newPage(browser);
    for (const [locale, other, run] of [
      ['zh', 'en', '运行'],
      ['en', 'zh', 'Run'],
    ] as const) {
      const response = await page.goto(`${baseUrl}/${locale}/${LESSON}/`);
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(locale === 'zh' ? 'zh-CN' : 'en');
      await expect(page.locator('article h1').innerText()).resolves.not.toBe('');
      expect(await page.locator('nav.sidebar li').count()).toBeGreaterThanOrEqual(2);
      expect(await page.locator('.lang-switch').getAttribute('href')).toBe(`/${other}/${LESSON}/`);
      await page.getByRole('button', { name: run, exact: true }).waitFor();
    }
    await page.context().close();
  });

  it('sends / to the browser’s language and keeps the choice visible without JS', async () => {
    const english = await newPage(browser, { locale: 'en-US' });
    await english.goto(`${baseUrl}/`);
    await english.waitForURL(`${baseUrl}/en/`);
    await english.context().close();

    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const noJs = await context.newPage();
    await noJs.goto(`${baseUrl}/`);
    expect(await noJs.locator('a[href="/zh/"]').count()).toBe(1);
    expect(await noJs.locator('a[href="/en/"]').count()).toBe(1);
    await noJs.goto(`${baseUrl}/en/${LESSON}/`);
    expect((await noJs.locator('article').innerText()).length).toBeGreaterThan(500);
    await context.close();
  });

  it('answer unknown paths with the 404 page', async () => {
    const page = await newPage(browser);
    const response = await page.goto(`${baseUrl}/en/no-such-lesson/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toContain('404');
    await page.context().close();
  });
});

describe('the playground', () => {
  it('runs the starter and prints into the terminal and the inspector', async () => {
    const page = await newPage(browser);
    await openLesson(page, `${baseUrl}/en/${LESSON}/`);
    // A lesson without inputs opens on the Output tab, shown before any Run.
    expect(await page.getByRole('region', { name: 'Output' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const text = await waitForTerminal(page, 'closed, code = 1000');
    expect(text).toContain('open, readyState = 1');
    expect(text).toMatch(/GET \/handshake/);
    // What the reader sees: xterm's rows are real text in the page.
    await page.waitForFunction(() => document.querySelector('[data-playground] .xterm-rows')?.textContent?.includes('closed, code = 1000'));
    expect(await visibleTerminalRows(page)).toContain('closed, code = 1000');
    await waitForRunStatus(page, 'finished');
    const inspector = await page.locator('[data-role="inspector-list"]').innerText();
    expect(inspector).toContain('/handshake');
    expect(inspector).toMatch(/CONNECTING .*OPEN .*CLOSED/);
    expect(inspector).toContain('code 1000');
    // A fail is final a moment after the run ends (the verdict waits for the close handler's output).
    await expect.poll(() => page.locator('[data-check-status]').getAttribute('data-check-status')).toBe('fail');
    await page.context().close();
  });

  it('runs edited code against /echo, with console formatting and typed terminal lines', async () => {
    const page = await newPage(browser);
    await openLesson(page, `${baseUrl}/zh/${LESSON}/`);
    await typeCode(
      page,
      [
        'const ws = new WebSocket(ECHO_URL);',
        "ws.onmessage = (e) => console.log('echo:', e.data);",
        "await new Promise((r) => ws.addEventListener('open', r));",
        "ws.send('edited-' + 6 * 7);",
        "console.log({ a: 1 }, [1, 'b'], new Uint8Array([1, 2, 255]).buffer, new Blob(['abc'], { type: 'text/plain' }));",
      ].join('\n'),
    );
    await page.getByRole('button', { name: '运行', exact: true }).click();
    const text = await waitForTerminal(page, 'echo: edited-42');
    expect(text).toContain("{a: 1} (2) [1, 'b'] ArrayBuffer(3) [01 02 ff] Blob {type: 'text/plain', size: 3}");
    await waitForRunStatus(page, 'running');

    // wscat-style: a line typed in the terminal goes out on the open socket.
    await page.locator('[data-role="terminal"] .xterm-helper-textarea').focus();
    await page.keyboard.type('typed line');
    await page.keyboard.press('Enter');
    const after = await waitForTerminal(page, 'echo: typed line');
    expect(after).toContain('> typed line');
    const inspector = await page.locator('[data-role="inspector-list"]').innerText();
    expect(inspector).toContain('edited-42');
    expect(inspector).toContain('typed line');
    await page.context().close();
  });

  it('heads each run with a numbered separator: with its first output, or on its own when the run is quiet', async () => {
    const page = await newPage(browser);
    await openLesson(page, `${baseUrl}/en/${LESSON}/`);
    const run = page.getByRole('button', { name: 'Run', exact: true });
    await typeCode(page, "console.log('first line');");
    await run.click();
    await waitForTerminal(page, 'first line');
    // A quiet run: its separator shows while it waits, before anything it prints.
    await typeCode(page, "await new Promise((r) => setTimeout(r, 3000));\nconsole.log('late line');");
    await run.click();
    const quiet = await waitForTerminal(page, '── run #2');
    expect(quiet).not.toContain('late line');
    const text = await waitForTerminal(page, 'late line');
    const lines = text.split('\n');
    const at = (start: string): number => lines.findIndex((line) => line.startsWith(start));
    expect(at('── run #1')).toBeGreaterThanOrEqual(0);
    expect(at('── run #1')).toBeLessThan(at('first line'));
    expect(at('first line')).toBeLessThan(at('── run #2'));
    expect(at('── run #2')).toBeLessThan(at('late line'));
    await page.context().close();
  });

  it('stops `while (true) {}` and stays responsive; a new run works after it', async () => {
    const page = await newPage(browser);
    await openLesson(page, `${baseUrl}/en/${LESSON}/`);
    await typeCode(page, "console.log('spinning');\nwhile (true) {}");
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForTerminal(page, 'spinning');
    // The page's own thread is free while the loop spins.
    expect(await page.evaluate(() => 6 * 7)).toBe(42);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await waitForRunStatus(page, 'stopped');
    await typeCode(page, "console.log('after stop');");
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForTerminal(page, 'after stop');
    await waitForRunStatus(page, 'finished');
    await page.context().close();
  });

  it('closes the last run’s sockets when a new Run starts, and when the reader leaves the page', async () => {
    const page = await newPage(browser);
    await openLesson(page, `${baseUrl}/en/${LESSON}/`);
    const base = await openSocketsOnServer();
    const openThree =
      "const all = [1, 2, 3].map(() => new WebSocket(ECHO_URL));\nawait Promise.all(all.map((ws) => new Promise((r) => (ws.onopen = r))));\nconsole.log('three open');";
    await typeCode(page, openThree);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForTerminal(page, 'three open');
    await expect.poll(openSocketsOnServer, { timeout: 10_000 }).toBe(base + 3);

    await typeCode(page, "console.log('second run');");
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForTerminal(page, 'second run');
    await expect.poll(openSocketsOnServer, { timeout: 10_000 }).toBe(base);

    await typeCode(page, openThree.replace('three open', 'three open again'));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForTerminal(page, 'three open again');
    await expect.poll(openSocketsOnServer, { timeout: 10_000 }).toBe(base + 3);
    await page.goto(`${baseUrl}/en/`);
    await expect.poll(openSocketsOnServer, { timeout: 10_000 }).toBe(base);
    await page.context().close();
  });

  it('gives every Run a fresh worker: nothing the last run’s code changed is left, ready ahead or not', async () => {
    const page = await newPage(browser);
    await openLesson(page, `${baseUrl}/en/${LESSON}/`);
    const run = page.getByRole('button', { name: 'Run', exact: true });
    // Leaves marks on the worker's global, a built-in prototype and the runner's own console, and keeps the run going.
    const tamper = (n: number): string =>
      [
        `globalThis.leftover = 'run ${n}';`,
        "Array.prototype.leaked = 'yes';",
        "const log = console.log; console.log = (...a) => log('tampered', ...a);",
        'const ws = new WebSocket(ECHO_URL);',
        `ws.onopen = () => log('tampered run ${n} open');`,
      ].join('\n');
    const probe = (label: string): string =>
      `console.log('${label}', typeof leftover, typeof [].leaked, String(console.log).includes('tampered'));`;

    await typeCode(page, tamper(1));
    await run.click();
    await waitForTerminal(page, 'tampered run 1 open');
    // The runner readies its next worker a moment after a Run: this one comes from that spare.
    await page.waitForTimeout(1000);
    await typeCode(page, probe('after a pause'));
    await run.click();
    expect(await waitForTerminal(page, 'after a pause')).toContain('after a pause undefined undefined false');

    // Two Runs in quick succession: the second starts before a spare is ready, in a worker of its own.
    await typeCode(page, tamper(2));
    await run.click();
    await waitForTerminal(page, 'tampered run 2 open');
    await typeCode(page, probe('at once'));
    await run.click();
    expect(await waitForTerminal(page, 'at once')).toContain('at once undefined undefined false');
    await page.context().close();
  });

  it('keeps the reader’s code away from the page’s storage, cookies and DOM', async () => {
    const page = await newPage(browser);
    await openLesson(page, `${baseUrl}/en/${LESSON}/`);
    await page.evaluate(() => {
      localStorage.setItem('secret', 'storage-s3cret');
      // biome-ignore lint/suspicious/noDocumentCookie: the test plants a cookie the reader's code must not read.
      document.cookie = 'session=cookie-s3cret; path=/';
    });
    await typeCode(
      page,
      [
        "const probe = (name, fn) => { try { console.log(name, String(fn())); } catch (e) { console.log(name, 'blocked', e.name); } };",
        "probe('storage', () => localStorage.getItem('secret'));",
        "probe('document', () => document.cookie);",
        "probe('parent', () => parent.document.body.innerHTML);",
        "probe('cookieStore', () => typeof cookieStore);",
        "const res = await fetch('/', { credentials: 'include' }).then((r) => r.text()).catch((e) => 'fetch ' + e.name);",
        "console.log('fetched', res.slice(0, 20));",
        "console.log('secure', self.isSecureContext, typeof crypto.subtle);",
        "console.log('origin', self.origin);",
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const text = await waitForTerminal(page, 'origin');
    expect(text).toContain('origin null');
    // Isolated, yet a secure context where the page is one (localhost here): crypto.subtle works.
    expect(text).toContain('secure true object');
    expect(text).toMatch(/storage blocked ReferenceError/);
    expect(text).toMatch(/document blocked ReferenceError/);
    expect(text).toMatch(/parent blocked ReferenceError/);
    expect(text).not.toContain('s3cret');
    await page.context().close();
  });

  it('marks uncaught errors and rejections on the editor line', async () => {
    const page = await newPage(browser);
    await openLesson(page, `${baseUrl}/en/${LESSON}/`);
    await typeCode(page, "console.log('frame', new Error('where').stack.split('\\n')[1].trim());\nnull.boom;\n");
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRunStatus(page, 'failed');
    const first = await waitForTerminal(page, 'TypeError');
    expect(first).toContain('(line 2)');
    // The code's own stack frames name it as the editor's file, not by a long URL.
    expect(first).toContain('frame at playground.js:1:');
    await page.locator('[data-role="editor"][data-error-line="2"]').waitFor();
    expect(await page.locator('[data-role="editor"] .run-error-line').count()).toBeGreaterThan(0);

    await typeCode(
      page,
      "console.log('x');\n\nsetTimeout(() => { throw new RangeError('late'); }, 10);\nPromise.reject(new Error('nope'));",
    );
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const text = await waitForTerminal(page, 'RangeError: late');
    expect(text).toContain('Uncaught (in promise) Error: nope (line 4)');
    expect(text).toContain('(line 3)');
    await page.locator('[data-role="editor"][data-error-line]').waitFor();

    // A long snippet too: the error's line is found in it the same way.
    const filler = Array.from({ length: 300 }, (_, i) => `const v${i} = '${'x'.repeat(60)}'; // line ${i + 1}`).join('\n');
    await typeCode(page, `${filler}\nawait Promise.resolve();\nnull.boom;`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForTerminal(page, "Uncaught TypeError: Cannot read properties of null (reading 'boom') (line 302)");
    await page.locator('[data-role="editor"][data-error-line="302"]').waitFor();
    await page.context().close();
  });

  it('round-trips a Share link, saying it is a shared version', async () => {
    const page = await newPage(browser);
    await openLesson(page, `${baseUrl}/en/${LESSON}/`);
    await typeCode(page, "console.log('shared-' + 'code-7');");
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const link = await page.locator('[data-role="share-url"]').inputValue();
    expect(link.startsWith(`${baseUrl}/en/${LESSON}/#code=`)).toBe(true);
    await page.context().close();

    const other = await newPage(browser);
    await openLesson(other, link);
    expect(await other.locator('[data-role="shared-notice"]').isVisible()).toBe(true);
    expect(await editorText(other)).toContain("console.log('shared-' + 'code-7');");
    await other.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForTerminal(other, 'shared-code-7');
    await other.context().close();
  });

  it('keeps edits across reloads until Reset, loads the Solution, and ticks the lesson when it passes', async () => {
    const page = await newPage(browser);
    await openLesson(page, `${baseUrl}/en/${LESSON}/`);
    await typeCode(page, '// my edit 123');
    await page.waitForTimeout(500); // edits are saved after a short debounce
    await openLesson(page, `${baseUrl}/en/${LESSON}/`);
    expect(await editorText(page)).toContain('// my edit 123');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    expect(await editorText(page)).not.toContain('// my edit 123');

    await page.getByRole('button', { name: 'Solution', exact: true }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('[data-check-status="pass"]').waitFor({ timeout: 20_000 });
    await page.reload();
    await page.locator(`nav.sidebar li[data-progress-slug="${LESSON}"][data-done="true"]`).waitFor();
    await page.context().close();
  });

  it('hands the lesson inputs to the code: the picked file as FILE, the canvas as PIXELS', async () => {
    const page = await newPage(browser);
    await openLesson(page, `${baseUrl}/en/send/`);
    await page.locator('[data-playground] input[type="file"]').setInputFiles({
      name: 'note.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello file'),
    });
    await typeCode(
      page,
      'console.log(FILE.name, FILE.size, await FILE.text(), PIXELS.width, PIXELS.height, PIXELS.data.length, PIXELS.data[3]);',
    );
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await waitForTerminal(page, 'note.txt')).toContain('note.txt 10 hello file 400 320 512000 255');
    await page.context().close();
  });

  it('shows the documentation of readyState, bufferedAmount and the runner’s ECHO_URL on hover, uncut at the editor’s top', async () => {
    const page = await newPage(browser);
    await openLesson(page, `${baseUrl}/en/${LESSON}/`);
    await typeCode(page, 'const ws = new WebSocket(ECHO_URL);\nws.readyState;\nws.bufferedAmount;');
    for (const [line, word, signature, doc] of [
      ['ws.readyState;', 'readyState', 'WebSocket.readyState: number', 'current state of the WebSocket connection'],
      ['ws.bufferedAmount;', 'bufferedAmount', 'WebSocket.bufferedAmount: number', 'number of bytes of data that have been queued'],
      // The runner's globals are declared too; this hover sits above the editor's first line.
      ['new WebSocket(ECHO_URL)', 'ECHO_URL', 'const ECHO_URL: string', 'URL of the bundled echo endpoint'],
    ] as const) {
      // The TypeScript worker loads after the editor, so the first hover may take a few seconds.
      const hover = await hoverWord(page, line, word);
      expect(await hover.innerText()).toContain(signature);
      expect(await hover.innerText()).toContain(doc);
      // Polled: Monaco places the hover in a frame or two after showing it.
      await expect.poll(() => hoverUncut(hover)).toBe(true);
    }
    await page.context().close();
  });

  it('copies and clears the terminal (with or without the Clipboard API) and exports the inspector as JSON', async () => {
    const page = await newPage(browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openLesson(page, `${baseUrl}/en/${LESSON}/`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForTerminal(page, 'closed, code = 1000');
    await waitForRunStatus(page, 'finished');

    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(() => page.locator('[data-role="announce"]').innerText()).toBe('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('closed, code = 1000');

    // Export is in the dock's Inspector tab, Clear in its Output tab.
    await page.getByRole('tab', { name: 'Inspector', exact: true }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON', exact: true }).click();
    const exported = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as {
      sockets: Array<{ url: string; frames: unknown[]; close?: { code: number } }>;
    };
    expect(exported.sockets[0]?.url).toMatch(/\/handshake$/);
    expect(exported.sockets[0]?.frames.length).toBeGreaterThan(0);
    expect(exported.sockets[0]?.close?.code).toBe(1000);

    await page.getByRole('tab', { name: 'Output', exact: true }).click();
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    // xterm repaints on the next animation frame.
    await expect.poll(() => visibleTerminalRows(page)).not.toContain('closed, code = 1000');

    // Plain http on a LAN is no secure context: there is no navigator.clipboard, and Copy falls back.
    const lan = await page.context().newPage();
    await lan.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await openLesson(lan, `${baseUrl}/en/${LESSON}/`);
    await typeCode(lan, "console.log('copied without the Clipboard API')");
    await lan.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForTerminal(lan, 'copied without the Clipboard API');
    await lan.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(() => lan.locator('[data-role="announce"]').innerText()).toBe('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('copied without the Clipboard API');
    await page.context().close();
  });

  it('loads Monaco and xterm only once the playground is in view, and keeps the theme the reader picks', async () => {
    const page = await newPage(browser, { width: 360, height: 740, colorScheme: 'dark' });
    const loaded: string[] = [];
    page.on('request', (request) => loaded.push(request.url()));
    await page.goto(`${baseUrl}/en/${LESSON}/`, { waitUntil: 'networkidle' });
    const heavy = (url: string): boolean => /monaco|xterm|\.worker/.test(url);
    expect(loaded.filter(heavy)).toEqual([]);
    await page.locator('[data-playground]').scrollIntoViewIfNeeded();
    await page.locator('[data-playground][data-ready="true"]').waitFor({ timeout: 30_000 });
    expect(loaded.some(heavy)).toBe(true);

    // The system's dark scheme by default; the toggle's choice survives a reload.
    const toggle = page.locator('[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await page.reload();
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    expect(await page.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('false');
    await page.context().close();
  });

  it('shows the editor before it loads the TypeScript service, which then answers hovers', async () => {
    const page = await newPage(browser);
    // When the editor's lines first show, by the page's clock, next to when each script was requested.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-editor-ready] .view-lines')) return;
        (window as unknown as { editorShownAt: number }).editorShownAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await openLesson(page, `${baseUrl}/en/${LESSON}/`);
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /monaco-typescript/.test(r.name)));
    const { shownAt, requestedAt } = await page.evaluate(() => ({
      shownAt: (window as unknown as { editorShownAt: number }).editorShownAt,
      requestedAt: performance.getEntriesByType('resource').find((r) => /monaco-typescript/.test(r.name))?.startTime,
    }));
    expect(shownAt).toBeGreaterThan(0);
    expect(requestedAt).toBeGreaterThan(shownAt);
    // Hovered on a line of its own at the editor's top, as in the hover test above.
    await typeCode(page, 'const ws = new WebSocket(ECHO_URL);');
    const hover = await hoverWord(page, 'new WebSocket', 'WebSocket');
    expect(await hover.innerText()).toContain('WebSocket');
    await page.context().close();
  });

  it('runs from the keyboard alone: Tab to the editor, type, Ctrl+Enter', async () => {
    const page = await newPage(browser);
    await openLesson(page, `${baseUrl}/en/${LESSON}/`);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(() => window.scrollTo(0, 0));
    let inEditor = false;
    for (let i = 0; i < 80 && !inEditor; i++) {
      await page.keyboard.press('Tab');
      inEditor = await page.evaluate(() => !!document.activeElement?.closest('[data-role="editor"]'));
    }
    expect(inEditor).toBe(true);
    // The keyboard hint is what a screen reader reads on entering the editor.
    const hint = await page.evaluate(() => {
      const ids = document.activeElement?.getAttribute('aria-describedby') ?? '';
      return ids
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    });
    expect(hint).toContain('Ctrl+M');
    expect(hint).toContain('Ctrl+Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type("console.log('from keys')");
    await page.keyboard.press('Control+Enter');
    await waitForTerminal(page, 'from keys');
    // Ctrl+M, as the hint says, makes Tab leave the editor instead of indenting.
    await page.keyboard.press('Control+M');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-role="editor"]'))).toBe(false);
    expect(await editorText(page)).toBe("console.log('from keys')");
    await page.context().close();
  });

  it('sends no request to any other host', async () => {
    const page = await newPage(browser);
    const origin = new URL(baseUrl).host;
    const foreign: string[] = [];
    page.context().on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.host !== origin) foreign.push(request.url());
    });
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await openLesson(page, `${baseUrl}/zh/${LESSON}/`);
    await page.getByRole('button', { name: '运行', exact: true }).click();
    await waitForRunStatus(page, 'finished');
    await page.goto(`${baseUrl}/zh/`);
    await page.goto(`${baseUrl}/en/send/`);
    await page.locator('[data-playground]').scrollIntoViewIfNeeded();
    await page.locator('[data-playground][data-ready="true"]').waitFor();
    expect(foreign).toEqual([]);
    expect(sockets.every((url) => new URL(url).host === origin)).toBe(true);
    await page.context().close();
  });
});

describe('accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations (${colorScheme} theme)`, async () => {
      const axeSource = await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
      const page = await newPage(browser, { colorScheme });
      for (const path of [`/en/${LESSON}/`, '/zh/', `/zh/${LESSON}/`]) {
        await page.goto(baseUrl + path);
        if (path.endsWith(`${LESSON}/`)) {
          await openLesson(page, baseUrl + path);
          await page.getByRole('button', { name: /^(Run|运行)$/ }).click();
          await waitForRunStatus(page, 'finished');
        }
        // evaluate() is not subject to the page's CSP, unlike an injected <script>.
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> };
            }
          ).axe;
          const result = await axe.run();
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
        });
        expect(violations, `${path} in ${colorScheme}`).toEqual([]);
      }
      await page.context().close();
    });
  }
});
