// Page budgets of the lesson player, measured in headless Chromium against the
// real server (started as `npm start` does). Reported, not asserted:
//   1. gzip-compressed JS loaded before the playground is in view (target ≤ 60 KiB),
//      next to the JS the playground itself loads (the baseline it is kept out of);
//   2. playground entering view → editable editor (target ≤ 1 s), next to Monaco's
//      core alone started the same way on a bare page (bench/monaco-floor.ts);
//   3. Run → first echoed message (target ≤ 50 ms), next to a bare WebSocket echo
//      round trip from the same page in the same run (the baseline).
// Part of `npm run bench`; alone: node --import tsx bench/page-budgets.ts [lesson-slug]
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/e2e/browser.ts';
import { startServer } from '../test/support/server-process.ts';
import { serveMonacoFloor } from './monaco-floor.ts';

const DEFAULT_SLUG = 'handshake';
const RUNS = 7;
/** After the first run, until the editor's TypeScript worker has loaded. */
const SETTLE_MS = 5000;
const PAUSE_MS = 500;
const ECHO_CODE = "const ws = new WebSocket(ECHO_URL);\nws.onopen = () => ws.send('budget');\nws.onmessage = (e) => console.log('echoed', e.data);\n";

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const msText = (ms: number): string => `${ms.toFixed(1)} ms`;

interface Weight {
  js: number;
  css: number;
}

/** gzip bytes of every JS and CSS response, counted from now until `stop()`. */
function countBytes(page: Page): { stop(): Promise<Weight> } {
  const pending: Array<Promise<Weight>> = [];
  let open = true;
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    const kind = /javascript/.test(type) ? 'js' : /text\/css/.test(type) ? 'css' : undefined;
    if (!open || !kind) return;
    const weigh = (bytes: number): Weight => ({ js: 0, css: 0, [kind]: bytes });
    pending.push(response.body().then((body) => weigh(gzipSync(body).length), () => weigh(0)));
  });
  return {
    async stop() {
      open = false;
      return (await Promise.all(pending)).reduce((a, b) => ({ js: a.js + b.js, css: a.css + b.css }), { js: 0, css: 0 });
    },
  };
}

// Page-side code is passed as source text: tsx would otherwise wrap the
// functions with helpers (`__name`) that do not exist in the page.

/**
 * Scrolls the playground into view and times until Monaco is editable (the
 * budget), and until the whole playground (terminal, check, runner) is ready.
 * Polled once per frame, so a time is only taken once the main thread is free.
 */
function timeToEditor(page: Page): Promise<{ editor: number; playground: number }> {
  return page.evaluate(`new Promise((resolve) => {
    const root = document.querySelector('[data-playground]');
    const start = performance.now();
    let editor;
    root.scrollIntoView();
    (function poll() {
      if (editor === undefined && root.querySelector('[data-editor-ready] .monaco-editor .view-lines')) editor = performance.now() - start;
      if (editor !== undefined && root.dataset.ready === 'true') resolve({ editor, playground: performance.now() - start });
      else requestAnimationFrame(poll);
    })();
  })`);
}

/** The baseline: imports Monaco's core on the bare floor page and times until its editor shows. */
function timeFloorEditor(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const start = performance.now();
    window.startMonaco().then(() => (function poll() {
      if (document.querySelector('.monaco-editor .view-lines')) resolve(performance.now() - start);
      else requestAnimationFrame(poll);
    })());
  })`);
}

/** Clicks Run and times until the terminal shows the echoed message. */
function timeRunToEcho(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const transcript = document.querySelector('[data-playground] [data-role="transcript"]');
    const count = () => (transcript.textContent.match(/echoed budget/g) || []).length;
    const before = count();
    const observer = new MutationObserver(() => {
      if (count() > before) {
        observer.disconnect();
        resolve(performance.now() - start);
      }
    });
    observer.observe(transcript, { childList: true, subtree: true, characterData: true });
    const start = performance.now();
    document.querySelector('[data-role="run"]').click();
  })`);
}

/** Baseline: a WebSocket opened by the page itself, open → send → echo. */
function timeBareEcho(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const start = performance.now();
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss' : 'ws') + '://' + location.host + '/echo');
    ws.onopen = () => ws.send('budget');
    ws.onmessage = () => {
      resolve(performance.now() - start);
      ws.close();
    };
  })`);
}

export default async function pageBudgets(slug = DEFAULT_SLUG): Promise<void> {
  const server = await startServer();
  const floor = await serveMonacoFloor();
  const browser = await launchBrowser();
  try {
    const url = `${server.url}/en/${slug}/`;
    const editorTimes: number[] = [];
    const playgroundTimes: number[] = [];
    const floorTimes: number[] = [];
    const warmTimes: number[] = [];
    let before: Weight = { js: 0, css: 0 };
    let playground: Weight = { js: 0, css: 0 };
    for (let i = 0; i < RUNS; i++) {
      // A fresh context each time: nothing cached, as a first visit. 360 px wide, so the
      // playground starts below the prose, out of view.
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const counting = countBytes(page);
      await page.goto(url, { waitUntil: 'networkidle' });
      const beforeBytes = await counting.stop();
      const after = countBytes(page);
      const times = await timeToEditor(page);
      editorTimes.push(times.editor);
      playgroundTimes.push(times.playground);
      await page.waitForLoadState('networkidle');
      const playgroundBytes = await after.stop();
      if (i === 0) {
        before = beforeBytes;
        playground = playgroundBytes;
      }
      // On to the next lesson, as a reader does: the chunks now come from the HTTP cache.
      const next = await page.locator('a[rel="next"]').getAttribute('href');
      await page.goto(next ? new URL(next, url).href : url, { waitUntil: 'networkidle' });
      warmTimes.push((await timeToEditor(page)).editor);
      await context.close();

      // The floor in the same iteration, so drift on the shared machine hits both alike.
      const floorContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const floorPage = await floorContext.newPage();
      await floorPage.goto(floor.url, { waitUntil: 'networkidle' });
      floorTimes.push(await timeFloorEditor(floorPage));
      await floorContext.close();
    }

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate(`localStorage.setItem(${JSON.stringify(`wsp:code:${slug}`)}, ${JSON.stringify(ECHO_CODE)})`);
    await page.reload();
    await timeToEditor(page);
    // Right after the playground is ready, the TypeScript worker is still parsing on the second core.
    const firstRun = await timeRunToEcho(page);
    await page.waitForTimeout(SETTLE_MS);
    const runTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < RUNS * 2; i++) {
      // A reader's pause between runs (the runner boots its next spare worker meanwhile);
      // alternating with the baseline, so drift on the shared machine hits both alike.
      await page.waitForTimeout(PAUSE_MS);
      runTimes.push(await timeRunToEcho(page));
      bareTimes.push(await timeBareEcho(page));
    }
    await context.close();

    const run = median(runTimes);
    const bare = median(bareTimes);
    console.log(`page budgets (lesson ${slug}, headless Chromium, ${server.url})`);
    console.log(`  JS before the playground is in view: ${kib(before.js)} gzip (target ≤ 60 KiB; ${((before.js / (60 * 1024)) * 100).toFixed(0)}% of it); CSS ${kib(before.css)} gzip`);
    console.log(`    baseline, what the playground loads when in view: JS ${kib(playground.js)} gzip (${(playground.js / Math.max(1, before.js)).toFixed(0)}× the initial JS), CSS ${kib(playground.css)} gzip`);
    console.log(`  playground in view → editable editor: median ${msText(median(editorTimes))} of ${RUNS} cold loads, first ${msText(editorTimes[0] ?? NaN)}, max ${msText(Math.max(...editorTimes))} (target ≤ 1000 ms)`);
    console.log(`    baseline, Monaco's core alone on a bare page: median ${msText(median(floorTimes))}, max ${msText(Math.max(...floorTimes))}; lesson/bare ratio ${(median(editorTimes) / median(floorTimes)).toFixed(2)}`);
    console.log(`    the next lesson in the same browser (cached): median ${msText(median(warmTimes))}, max ${msText(Math.max(...warmTimes))}`);
    console.log(`    and to the whole playground ready (terminal, check, runner): median ${msText(median(playgroundTimes))}, max ${msText(Math.max(...playgroundTimes))}`);
    console.log(`  Run → first echoed message: median ${msText(run)} of ${runTimes.length}, ${PAUSE_MS} ms apart, once the page has settled (target ≤ 50 ms)`);
    console.log(`    the first Run, as soon as the playground is ready: ${msText(firstRun)}`);
    console.log(`    baseline, bare page WebSocket open→echo: median ${msText(bare)}; runner/bare ratio ${(run / bare).toFixed(2)}`);
  } finally {
    await browser.close();
    await floor.stop();
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await pageBudgets(process.argv[2]);
