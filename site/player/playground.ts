// The live playground of a lesson page, loaded (with Monaco and xterm) only
// once it scrolls into view. Wires the controls, the runner, the terminal,
// the inspector and the exercise check around one RunRecord per run.
import { ui } from '../i18n/index.ts';
import type { LessonInput } from '../lessons/schema.ts';
import type { RunGlobals } from '../runner/protocol.ts';
import { createRunRecord } from '../runner/record.ts';
import type { Locale, RunRecord } from '../runner/run-record.ts';
import { setupCanvasInput } from './canvas-input.ts';
import { debounced, evaluate, loadCheck } from './check-runner.ts';
import { copyText } from './clipboard.ts';
import { createEditor } from './editor.ts';
import { createInspector, exportRecord } from './inspector.ts';
import { showProgressTicks } from './progress-ticks.ts';
import { createRunOutput } from './run-output.ts';
import { createRunnerHost, serverGlobals } from './runner-host.ts';
import { decodeShareHash, shareUrl } from './share.ts';
import { markCompleted, saveCode, savedCode } from './storage.ts';
import { isDark, THEME_EVENT } from './theme.ts';

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
    locale: root.dataset.locale === 'en' ? 'en' : 'zh',
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
  const initialCode = shared ?? savedCode(lesson.slug) ?? lesson.starter;

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
  let settingCode = false;
  const setCode = (code: string): void => {
    settingCode = true;
    editor.setCode(code);
    settingCode = false;
  };
  const save = debounced(() => saveCode(lesson.slug, editor.getCode() === lesson.starter ? null : editor.getCode()), 300);
  editor.onChange(() => {
    if (!settingCode) save.schedule();
  });

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

  let record: RunRecord | undefined;
  let runId = 0;

  const runCheck = debounced(() => {
    if (!check || !record) return;
    const result = evaluate(check, record);
    exercise.dataset.checkStatus = result.pass ? 'pass' : 'fail';
    checkText.textContent = result.pass
      ? strings.checkPass
      : [strings.checkFail, result.hint?.[lesson.locale]].filter(Boolean).join(' ');
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

  function run(): void {
    const code = editor.getCode();
    editor.clearErrors();
    record = createRunRecord(code);
    output.start(record);
    runId = host.run(code, globals());
    terminal.separator(`${strings.runSeparator} #${runId} ${new Date().toLocaleTimeString(document.documentElement.lang)}`);
    exercise.dataset.checkStatus = 'idle';
    checkText.textContent = strings.checkIdle;
    setStatus('running');
    renderSoon();
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
    saveCode(lesson.slug, null);
    setCode(lesson.starter);
    part('shared-notice').hidden = true;
    history.replaceState(null, '', location.pathname);
  });
  part('solution').addEventListener('click', () => {
    setCode(lesson.solution);
    save.now();
  });
  part('share').addEventListener('click', async () => {
    const url = shareUrl(location, editor.getCode());
    const output = part<HTMLInputElement>('share-url');
    output.value = url;
    part('share-box').hidden = false;
    history.replaceState(null, '', url);
    await copyText(url, output);
    announce(`${strings.shareCopied} ${url}`);
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
      setCode(code);
      save.now();
      editor.focus();
      announce(strings.loadedIntoEditor);
    },
  };
}
