// The live playground of a lesson page, loaded (with Monaco and xterm) only
// once it scrolls into view. Wires the controls, the runner, the terminal,
// the inspector and the exercise check around one RunRecord per run.
import { ui } from '../i18n/index.ts';
import type { LessonInput } from '../course/schema.ts';
import type { RunGlobals } from '../runner/protocol.ts';
import { createRunRecord } from '../runner/record.ts';
import { type Locale, localeOr } from '../i18n/locales.ts';
import type { RunRecord } from '../runner/run-record.ts';
import { setupCanvasInput } from './canvas-input.ts';
import { debounced } from '../page/debounced.ts';
import { evaluate, loadCheck } from './check-runner.ts';
import { copyText } from './clipboard.ts';
import { setupDockTabs } from './dock-tabs.ts';
import { createEditor } from './editor.ts';
import { createInspector, exportRecord } from './inspector.ts';
import { showProgressTicks } from '../page/progress-ticks.ts';
import { createRunOutput } from './run-output.ts';
import { createRunnerHost, serverGlobals } from '../runner/page/runner-host.ts';
import { decodeShareHash, shareUrl } from './share.ts';
import { backupCode, markCompleted, saveBackup, saveCode, savedCode } from '../page/storage.ts';
import { isDark, THEME_EVENT } from '../page/theme.ts';
import { verdict } from './verdict.ts';

/** How much of the output a Run keeps on screen below the verdict: its bar and the first lines. */
const OUTPUT_HEAD_PX = 120;

export interface Playground {
  /** Puts code into the editor (the prose's "load into editor" buttons). */
  load(code: string): void;
}

interface LessonData {
  slug: string;
  locale: Locale;
  inputs: LessonInput[];
  starter: string;
  solution: string;
}

function readLessonData(root: HTMLElement): LessonData {
  const code = JSON.parse(root.querySelector('script[data-lesson-code]')?.textContent ?? '{}') as Partial<LessonData>;
  return {
    slug: root.dataset.slug ?? '',
    locale: localeOr(root.dataset.locale),
    inputs: JSON.parse(root.dataset.inputs ?? '[]') as LessonInput[],
    starter: code.starter ?? '',
    solution: code.solution ?? '',
  };
}

export async function startPlayground(root: HTMLElement): Promise<Playground> {
  const lesson = readLessonData(root);
  // The editor comes first, as it is what the reader looks at; the terminal
  // (xterm) and the exercise check are fetched while it starts and wired after.
  const later = Promise.all([import('./terminal.ts'), loadCheck(lesson.slug)]);
  const strings = ui(lesson.locale);
  const part = <T extends HTMLElement>(role: string): T => {
    const found = root.querySelector<T>(`[data-role="${role}"]`);
    if (!found) throw new Error(`playground is missing [data-role="${role}"]`);
    return found;
  };
  const optionalPart = <T extends HTMLElement>(role: string): T | null => root.querySelector<T>(`[data-role="${role}"]`);
  const announce = (text: string): void => {
    part('announce').textContent = text;
  };

  const shared = decodeShareHash(location.hash);
  part('shared-notice').hidden = shared === undefined;
  const saved = savedCode(lesson.slug);
  // A shared link's code would be saved over the reader's own at the first edit: keep theirs to restore.
  if (shared !== undefined && saved !== null && saved !== shared) saveBackup(lesson.slug, saved);
  const initialCode = shared ?? saved ?? lesson.starter;

  const editorHost = part('editor');
  // Until the controls are wired, a Ctrl/Cmd+Enter is remembered and runs once they are.
  let wired = false;
  let runRequested = false;
  editorHost.replaceChildren();
  const editor = createEditor(editorHost, {
    code: initialCode,
    inputs: lesson.inputs,
    ariaLabel: strings.editorLabel,
    describedBy: part('editor-hint').id,
    dark: isDark(),
    onRun: () => (wired ? run() : (runRequested = true)),
  });
  editorHost.dataset.editorReady = 'true';
  const [{ createTerminal }, check] = await later;
  const save = debounced(() => saveCode(lesson.slug, editor.getCode() === lesson.starter ? null : editor.getCode()), 300);
  editor.onChange(() => save.schedule());

  // Reset, Solution and loaded snippets are undoable edits, and the code they replace is kept to restore.
  const restoreNotice = part('restore-notice');
  part('restore-text').textContent = strings.codeReplaced;
  const showRestore = (): void => {
    const before = backupCode(lesson.slug);
    restoreNotice.hidden = before === null || before === editor.getCode();
  };
  const replaceCode = (code: string): void => {
    const current = editor.getCode();
    if (current !== code && current !== lesson.starter) saveBackup(lesson.slug, current);
    editor.replaceCode(code);
    save.now();
    showRestore();
  };
  part('restore').addEventListener('click', () => {
    const before = backupCode(lesson.slug);
    if (before === null) return;
    editor.replaceCode(before);
    save.now();
    saveBackup(lesson.slug, null);
    restoreNotice.hidden = true;
    editor.focus();
  });
  showRestore();

  const terminal = createTerminal(part('terminal'), {
    dark: isDark(),
    onLine: (line) => sendLine(line),
    mirror: part('transcript'),
  });
  document.addEventListener(THEME_EVENT, () => {
    editor.setDark(isDark());
    terminal.setDark(isDark());
  });

  const pixels = lesson.inputs.includes('canvas')
    ? setupCanvasInput(part<HTMLCanvasElement>('canvas'), optionalPart<HTMLButtonElement>('canvas-reset'))
    : undefined;
  const fileInput = optionalPart<HTMLInputElement>('file');

  const exercise = part('exercise');
  const checkText = part('check-result');
  const dock = part('dock');
  const tabs = setupDockTabs(dock);

  let record: RunRecord | undefined;
  let runId = 0;

  // A fail is shown only when it still holds a moment after the run ended: the event that ends a run
  // comes before the output of the close handler it triggers, which may arrive in the next batch.
  const FAIL_CONFIRM_MS = 300;
  let failConfirmed = false;
  let failTimer: ReturnType<typeof setTimeout> | undefined;
  const runCheck = debounced(() => {
    if (!check || !record) return;
    const result = evaluate(check, record);
    const shown = verdict(result, record, strings, lesson.locale);
    // A pass stays a pass for the rest of the run.
    if (exercise.dataset.checkStatus === 'pass') return;
    if (shown.status === 'fail' && !failConfirmed) {
      failTimer ??= setTimeout(() => {
        failConfirmed = true;
        runCheck.now();
      }, FAIL_CONFIRM_MS);
      return;
    }
    exercise.dataset.checkStatus = shown.status;
    if (checkText.textContent !== shown.text) checkText.textContent = shown.text;
    if (result.pass) {
      markCompleted(lesson.slug);
      showProgressTicks();
    }
  }, 150);

  const inspector = createInspector(part('inspector-list'), strings);
  let renderQueued = false;
  // One bounded pass per animation frame, until the inspector has caught up.
  const renderSoon = (): void => {
    if (renderQueued) return;
    renderQueued = true;
    requestAnimationFrame(() => {
      renderQueued = false;
      if (inspector.render(record)) renderSoon();
    });
  };

  const setStatus = (status: string): void => {
    root.dataset.runStatus = status;
    part<HTMLButtonElement>('stop').disabled = status !== 'running';
  };
  setStatus('idle');

  const output = createRunOutput({
    terminal,
    editor,
    strings,
    changed: () => {
      runCheck.schedule();
      renderSoon();
    },
    status: (run) => {
      setStatus(run.status);
      if (run.status !== 'running') runCheck.now();
    },
  });
  const host = createRunnerHost(root, 'Runner', {
    onEvents: (id, events) => {
      if (id === runId) output.push(events);
    },
    onLost: (id, cause) => {
      if (id === runId) output.lost(cause);
    },
  });

  function globals(): RunGlobals {
    const result: RunGlobals = serverGlobals(location);
    if (lesson.inputs.includes('file')) result.FILE = fileInput?.files?.[0] ?? null;
    if (pixels) result.PIXELS = pixels();
    return result;
  }

  const timeOfDay = (): string => new Date().toLocaleTimeString(document.documentElement.lang);
  // The first time formatted loads the browser's time-zone and locale data (tens of milliseconds):
  // done while the page is idle, so the first Run does not wait for it.
  requestIdleCallback(timeOfDay, { timeout: 2000 });

  function run(): void {
    const code = editor.getCode();
    // The code goes to the runner first: the page's own work below then overlaps the run's start.
    runId = host.run(code, globals());
    editor.clearErrors();
    record = createRunRecord(code);
    output.start(record, `${strings.runSeparator} #${runId} ${timeOfDay()}`);
    clearTimeout(failTimer);
    failTimer = undefined;
    failConfirmed = false;
    exercise.dataset.checkStatus = check ? 'checking' : 'idle';
    checkText.textContent = check ? strings.checkRunning : strings.checkIdle;
    setStatus('running');
    renderSoon();
    showResults();
  }

  const verdictLine = part('exercise');
  const outputRegion = part('output');
  /** From a Run until the reader scrolls, points or types: the results stay on screen while the verdict grows. */
  let keepingResultsInView = false;
  /** Run shows the Output tab and brings the verdict and the head of the output on screen if they are not. */
  function showResults(): void {
    tabs.select('output');
    keepingResultsInView = true;
    // Measured in the next frame, whose layout is due anyway: measuring now would force one while the run starts.
    requestAnimationFrame(placeResults);
  }
  // A verdict's final text can be lines taller than "checking…", enough to push the output off a phone's screen.
  new ResizeObserver(() => {
    if (keepingResultsInView) placeResults();
  }).observe(verdictLine);
  for (const type of ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const) {
    addEventListener(type, () => (keepingResultsInView = false), { capture: true, passive: true });
  }
  /** Only what a reader needs is checked, as a dock taller than the screen is never wholly on it. */
  function placeResults(): void {
    const verdictBox = verdictLine.getBoundingClientRect();
    const outputBox = outputRegion.getBoundingClientRect();
    if (verdictBox.top >= 0 && outputBox.top + Math.min(outputBox.height, OUTPUT_HEAD_PX) <= innerHeight) return;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    const taller = dock.getBoundingClientRect().height > innerHeight;
    dock.scrollIntoView({ block: taller ? 'start' : 'nearest', behavior: smooth ? 'smooth' : 'auto' });
  }

  function sendLine(line: string): void {
    if (record?.status === 'running') host.sendLine(line);
    else terminal.print('system', strings.noOpenSocket);
  }

  part('run').addEventListener('click', run);
  part('stop').addEventListener('click', () => {
    part<HTMLButtonElement>('stop').disabled = true;
    host.stop();
  });
  part('reset').addEventListener('click', () => {
    replaceCode(lesson.starter);
    part('shared-notice').hidden = true;
    history.replaceState(null, '', location.pathname);
  });
  part('solution').addEventListener('click', () => replaceCode(lesson.solution));
  part('share').addEventListener('click', async () => {
    const url = shareUrl(location, editor.getCode());
    const output = part<HTMLInputElement>('share-url');
    output.value = url;
    part('share-box').hidden = false;
    history.replaceState(null, '', url);
    // The link itself is in the field; read aloud it would be a thousand characters of noise.
    announce((await copyText(url, output)) ? strings.shareCopied : strings.shareCopyFailed);
  });
  part('clear').addEventListener('click', () => terminal.clear());
  part('copy').addEventListener('click', async () => {
    announce((await copyText(terminal.text())) ? strings.copied : strings.copyFailed);
  });
  part('export').addEventListener('click', () => {
    if (record) exportRecord(record, `${lesson.slug}-run-${runId}.json`);
  });
  // Leaving the page (including into the back/forward cache) ends the run.
  addEventListener('pagehide', () => host.stop());
  wired = true;
  if (runRequested) run();

  return {
    load(code) {
      replaceCode(code);
      editor.focus();
      announce(strings.loadedIntoEditor);
    },
  };
}
