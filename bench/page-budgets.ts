// Page budgets of the lesson player, measured in headless Chromium against the
// real server (started as `npm start` does). Reported, not asserted:
//   1. gzip-compressed JS loaded before the playground is in view (target ≤ 60 KiB),
//      next to the JS the playground itself loads (the baseline it is kept out of);
//   2. playground entering view → editable editor (target ≤ 1 s, and ≤ 1.1× the floor:
//      Monaco's core alone started the same way on a bare page, bench/monaco-floor.ts; and
//      beside it the core with what the lesson's editor loads before it shows, a floor of its own);
//   3. Run → first echoed message, the first Run on a page and later ones (target ≤ 1.5×
//      a bare WebSocket opened, sent on and echoed from a settled lesson page, the baseline: for
//      the first Run, the first bare WebSocket of another fresh page; for later Runs, later ones on
//      the Run's page, each after a pause), next to the floor: the runner alone.
// Each figure is the median of several rounds, with its spread; every round measures
// the floor or baseline too, so drift on a shared machine hits both alike.
// Part of `npm run bench`; alone: node --import tsx bench/page-budgets.ts [lesson-slug]
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';
import { launchBrowser } from '../test/e2e/browser.ts';
import { startServer } from '../test/support/server-process.ts';
import { serveMonacoFloor } from './monaco-floor.ts';
import { median } from './stats.ts';
import { CHANNEL } from '../site/runner/protocol.ts';

const DEFAULT_SLUG = 'handshake';
const ROUNDS = 7;
/** From the playground ready to the first Run. */
const SETTLE_MS = 3000;
/** Runs after the first in each round. */
const LATER_RUNS = 4;
const PAUSE_MS = 500;
const ECHO_CODE =
  "const ws = new WebSocket(ECHO_URL);\nws.onopen = () => ws.send('budget');\nws.onmessage = (e) => console.log('echoed', e.data);\n";

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const msText = (ms: number): string => `${ms.toFixed(1)} ms`;

interface Weight {
  js: number;
  css: number;
}

/**
 * gzip bytes of every JS and CSS response, counted from now until `stop()`. The bodies are read
 * only at `stop()`: read as they arrive, they would cross the DevTools pipe (and be gzipped here)
 * while the page is being timed, a cost the floor page does not pay.
 */
function countBytes(page: Page): { stop(): Promise<Weight> } {
  const responses: Array<{ response: Response; kind: keyof Weight }> = [];
  let open = true;
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    const kind = /javascript/.test(type) ? 'js' : /text\/css/.test(type) ? 'css' : undefined;
    if (open && kind) responses.push({ response, kind });
  });
  return {
    async stop() {
      open = false;
      const weights = await Promise.all(
        responses.map(({ response, kind }) =>
          response.body().then(
            (body): Weight => ({ js: 0, css: 0, [kind]: gzipSync(body).length }),
            (): Weight => ({ js: 0, css: 0 }),
          ),
        ),
      );
      return weights.reduce((a, b) => ({ js: a.js + b.js, css: a.css + b.css }), { js: 0, css: 0 });
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

/** The baseline: imports Monaco (`start` names how much of it) on the bare floor page and times until its editor shows. */
function timeFloorEditor(page: Page, start: 'startMonaco' | 'startMonacoWithFeatures'): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const start = performance.now();
    window.${start}().then(() => (function poll() {
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

/**
 * The runner alone: a second /runner/ frame on the same page, driven over its port as the playground
 * does, timed from posting the code to the echoed line arriving back, with no editor, terminal,
 * record or inspector around it. The floor the playground's Run can reach with this runner.
 */
async function timeRunnerAlone(page: Page, runs: number, pauseMs = PAUSE_MS): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const channel = ${JSON.stringify(CHANNEL)};
    const code = ${JSON.stringify(ECHO_CODE)};
    const base = (location.protocol === 'https:' ? 'wss' : 'ws') + '://' + location.host;
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.hidden = true;
    frame.src = '/runner/';
    const times = [];
    let port;
    const runOnce = (runId) => new Promise((done) => {
      const start = performance.now();
      port.onmessage = (e) => {
        const events = e.data && e.data.type === 'events' && e.data.runId === runId ? e.data.events : [];
        if (events.some((ev) => ev.kind === 'console' && ev.entry.text.includes('echoed budget'))) done(performance.now() - start);
      };
      port.postMessage({ channel, type: 'run', runId, code, globals: { ECHO_URL: base + '/echo', SERVER_URL: base } });
    });
    addEventListener('message', async function ready(e) {
      if (e.source !== frame.contentWindow || !e.data || e.data.type !== 'ready') return;
      removeEventListener('message', ready);
      const pair = new MessageChannel();
      port = pair.port1;
      frame.contentWindow.postMessage({ channel, type: 'connect' }, '*', [pair.port2]);
      for (let i = 1; i <= ${runs}; i++) {
        await new Promise((r) => setTimeout(r, ${pauseMs}));
        times.push(await runOnce(i));
      }
      frame.remove();
      resolve(times);
    });
    document.body.append(frame);
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

/** Median of the values, with their spread. */
function summary(values: number[], unit: (n: number) => string): string {
  return `median ${unit(median(values))} (${unit(Math.min(...values))}–${unit(Math.max(...values))}, n=${values.length})`;
}
const ratioText = (n: number): string => `${n.toFixed(2)}×`;

/** One round of the editor budget: a cold lesson page, the next lesson (cached), and the floor page. */
async function editorRound(browser: Browser, url: string, floorUrl: string) {
  // A fresh context each time: nothing cached, as a first visit. 360 px wide, so the
  // playground starts below the prose, out of view.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const counting = countBytes(page);
  await page.goto(url, { waitUntil: 'networkidle' });
  const before = await counting.stop();
  const after = countBytes(page);
  const times = await timeToEditor(page);
  await page.waitForLoadState('networkidle');
  const playgroundWeight = await after.stop();
  // On to the next lesson, as a reader does: the chunks now come from the HTTP cache.
  const next = await page.locator('a[rel="next"]').getAttribute('href');
  await page.goto(next ? new URL(next, url).href : url, { waitUntil: 'networkidle' });
  const warm = (await timeToEditor(page)).editor;
  await context.close();

  // The floors in the same round, so drift on the shared machine hits all alike.
  const floorEditor = async (start: Parameters<typeof timeFloorEditor>[1]): Promise<number> => {
    const floorContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const floorPage = await floorContext.newPage();
    await floorPage.goto(floorUrl, { waitUntil: 'networkidle' });
    const time = await timeFloorEditor(floorPage, start);
    await floorContext.close();
    return time;
  };
  const floor = await floorEditor('startMonaco');
  const featuresFloor = await floorEditor('startMonacoWithFeatures');
  return { before, playgroundWeight, ...times, warm, floor, featuresFloor };
}

/** A fresh lesson page holding the echo code, its playground ready and left to settle as a reader would. */
async function settledLessonPage(browser: Browser, url: string, slug: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(`localStorage.setItem(${JSON.stringify(`wsp:code:${slug}`)}, ${JSON.stringify(ECHO_CODE)})`);
  await page.reload();
  await timeToEditor(page);
  // The reader reads the task before the first Run; meanwhile the editor's TypeScript worker loads.
  await page.waitForTimeout(SETTLE_MS);
  return page;
}

/**
 * One round of the Run budget: the first Run on a settled fresh page, then later Runs a reader's pause
 * apart, each after a bare baseline on the same page. The first Run's baseline is the first bare
 * WebSocket of another settled fresh page: taken on the Run's page, it would share the CPU with the
 * page still drawing the run's output.
 */
async function runRound(browser: Browser, url: string, slug: string) {
  const page = await settledLessonPage(browser, url, slug);
  const first = await timeRunToEcho(page);
  const later: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < LATER_RUNS; i++) {
    // A reader's pause before each (the runner boots its next spare worker meanwhile), so neither
    // shares the CPU with the page still drawing the last run's output.
    await page.waitForTimeout(PAUSE_MS);
    bare.push(await timeBareEcho(page));
    await page.waitForTimeout(PAUSE_MS);
    later.push(await timeRunToEcho(page));
  }
  const alone = await timeRunnerAlone(page, LATER_RUNS);
  await page.context().close();
  const barePage = await settledLessonPage(browser, url, slug);
  const firstBare = await timeBareEcho(barePage);
  await barePage.context().close();
  return { first, firstBare, later, bare, alone, firstAlone: await firstRunAlone(browser, url) };
}

/**
 * The floor of a first Run: the runner alone on a fresh page of the site without a playground (the
 * lesson list), its first run timed after the same settling time.
 */
async function firstRunAlone(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(new URL('..', url).href, { waitUntil: 'networkidle' });
  const [time] = await timeRunnerAlone(page, 1, SETTLE_MS);
  await context.close();
  return time ?? Number.NaN;
}

export default async function pageBudgets(slug = DEFAULT_SLUG): Promise<void> {
  const server = await startServer();
  const floor = await serveMonacoFloor();
  const browser = await launchBrowser();
  try {
    const url = `${server.url}/en/${slug}/`;
    const editors: Array<Awaited<ReturnType<typeof editorRound>>> = [];
    const runs: Array<Awaited<ReturnType<typeof runRound>>> = [];
    for (let i = 0; i < ROUNDS; i++) {
      editors.push(await editorRound(browser, url, floor.url));
      runs.push(await runRound(browser, url, slug));
    }

    const before = editors[0]!.before;
    const playground = editors[0]!.playgroundWeight;
    const editorTimes = editors.map((e) => e.editor);
    const floorTimes = editors.map((e) => e.floor);
    const firstTimes = runs.map((r) => r.first);
    const firstBare = runs.map((r) => r.firstBare);
    const firstAlone = runs.map((r) => r.firstAlone);
    const laterTimes = runs.flatMap((r) => r.later);
    const bareTimes = runs.flatMap((r) => r.bare);
    const aloneTimes = runs.flatMap((r) => r.alone);
    const ratioOf = (a: number[], b: number[]): string => ratioText(median(a) / median(b));
    console.log(`page budgets (lesson ${slug}, headless Chromium, ${server.url}, ${ROUNDS} rounds)`);
    console.log(
      `  JS before the playground is in view: ${kib(before.js)} gzip (target ≤ 60 KiB; ${((before.js / (60 * 1024)) * 100).toFixed(0)}% of it); CSS ${kib(before.css)} gzip`,
    );
    console.log(
      `    baseline, what the playground loads when in view: JS ${kib(playground.js)} gzip (${(playground.js / Math.max(1, before.js)).toFixed(0)}× the initial JS), CSS ${kib(playground.css)} gzip`,
    );
    console.log(`  playground in view → editable editor, cold: ${summary(editorTimes, msText)} (target ≤ 1000 ms)`);
    console.log(`    floor, Monaco's core alone on a bare page, same rounds: ${summary(floorTimes, msText)}`);
    console.log(
      `    ratio to the floor (target ≤ 1.1×): ${ratioOf(editorTimes, floorTimes)} of medians; per round ${summary(
        editors.map((e) => e.editor / e.floor),
        ratioText,
      )}`,
    );
    const featuresFloor = editors.map((e) => e.featuresFloor);
    console.log(
      `    floor with what the lesson's editor loads before it shows (its contributions and the JavaScript grammar): ${summary(featuresFloor, msText)}; ${ratioOf(featuresFloor, floorTimes)} the core`,
    );
    console.log(
      `    ratio to that floor: ${ratioOf(editorTimes, featuresFloor)} of medians; per round ${summary(
        editors.map((e) => e.editor / e.featuresFloor),
        ratioText,
      )}`,
    );
    console.log(
      `    the next lesson in the same browser (cached): ${summary(
        editors.map((e) => e.warm),
        msText,
      )}`,
    );
    console.log(
      `    and to the whole playground ready (terminal, check, runner): ${summary(
        editors.map((e) => e.playground),
        msText,
      )}`,
    );
    console.log(`  Run → first echoed message (target ≤ 1.5× the baseline; the floor is the runner alone, its frame and worker):`);
    console.log(`    first Run on a page, ${SETTLE_MS / 1000} s after the playground is ready: ${summary(firstTimes, msText)}`);
    console.log(`      baseline, the first bare WebSocket open → send → echo of another such page: ${summary(firstBare, msText)}`);
    console.log(`      floor, the runner's first run on a fresh page without the playground: ${summary(firstAlone, msText)}`);
    console.log(
      `      ratio to the baseline: ${ratioOf(firstTimes, firstBare)} (floor ${ratioOf(firstAlone, firstBare)}); to the floor ${ratioOf(firstTimes, firstAlone)}`,
    );
    console.log(`    later Runs, ${PAUSE_MS} ms apart: ${summary(laterTimes, msText)}`);
    console.log(`      baseline, a bare WebSocket before each: ${summary(bareTimes, msText)}`);
    console.log(`      floor, the runner alone on the same pages, ${PAUSE_MS} ms apart: ${summary(aloneTimes, msText)}`);
    console.log(
      `      ratio to the baseline: ${ratioOf(laterTimes, bareTimes)} (floor ${ratioOf(aloneTimes, bareTimes)}); to the floor ${ratioOf(laterTimes, aloneTimes)}`,
    );
  } finally {
    await browser.close();
    await floor.stop();
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await pageBudgets(process.argv[2]);
