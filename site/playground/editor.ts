// Monaco, bundled locally: the editor core with the contributions a learner
// needs (monaco/features.ts), the JavaScript grammar and the TypeScript
// language service (for DOM typings and hovers), and only the editor and
// TypeScript workers.
import * as monaco from 'monaco-editor/editor/editor.api.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker.js?worker';
import type { LessonInput } from '../course/schema.ts';
import './monaco/features.ts';
import { GRAMMAR_ONLY_JAVASCRIPT } from './monaco/javascript-language.ts';

// The TypeScript service and its workers start once the editor is on screen and
// the page is idle: loading them (the worker alone is 7 MB) would otherwise
// compete with the editor's own start, and they answer nothing before their
// worker runs anyway.
let editorShown: () => void = () => {};
const shown = new Promise<void>((resolve) => (editorShown = resolve));
(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker: async (_id: string, label: string) => {
    await shown;
    return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
  },
};

const GLOBALS: Record<'base' | LessonInput, string> = {
  base: [
    '/** ws:// or wss:// URL of the bundled echo endpoint, `/echo` on this site’s host. */',
    'declare const ECHO_URL: string;',
    '/** ws:// or wss:// base of this site’s host, no trailing slash, e.g. `ws://localhost:8080`. */',
    'declare const SERVER_URL: string;',
  ].join('\n'),
  file: '/** The file picked in the lesson’s file input, or null. */\ndeclare const FILE: File | null;',
  canvas:
    '/** The lesson canvas’s pixels (RGBA, row by row). */\ndeclare const PIXELS: { width: number; height: number; data: Uint8ClampedArray } | null;',
};

// Monaco's own themes, with comments lightened in the dark one to reach WCAG AA contrast.
monaco.editor.defineTheme('wsp-light', { base: 'vs', inherit: true, rules: [], colors: {} });
monaco.editor.defineTheme('wsp-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '8fbf7f' }],
  colors: {},
});
const themeName = (dark: boolean): string => (dark ? 'wsp-dark' : 'wsp-light');

// On a phone every column counts: a slim gutter, and long lines wrap rather than hide off the edge.
const narrow = matchMedia('(max-width: 600px)');
const layoutFor = (isNarrow: boolean): monaco.editor.IEditorOptions => ({
  fontSize: isNarrow ? 13 : 14,
  wordWrap: isNarrow ? 'on' : 'off',
  lineNumbersMinChars: isNarrow ? 2 : 4,
  lineDecorationsWidth: isNarrow ? 4 : 10,
  folding: !isNarrow,
  glyphMargin: false,
});

/** Configures the TypeScript service for the lesson's globals and hands the model to it. */
async function startLanguageService(model: monaco.editor.ITextModel, inputs: readonly LessonInput[]): Promise<void> {
  const { javascriptDefaults } = await import('monaco-editor/languages/features/typescript/register.js');
  javascriptDefaults.setCompilerOptions({
    target: 99 /* ESNext */,
    module: 99 /* ESNext */,
    allowNonTsExtensions: true,
    // Every snippet is a module, so top-level await is not flagged.
    moduleDetection: 3 /* Force */,
  } as Parameters<typeof javascriptDefaults.setCompilerOptions>[0]);
  javascriptDefaults.setExtraLibs([
    { content: [GLOBALS.base, ...inputs.map((input) => GLOBALS[input])].join('\n'), filePath: 'runner-globals.d.ts' },
  ]);
  monaco.editor.setModelLanguage(model, 'javascript');
}

export interface CodeEditor {
  getCode(): string;
  /** Replaces the whole code as one edit the reader can undo (Ctrl+Z), and shows it from the top. */
  replaceCode(code: string): void;
  onChange(listener: () => void): void;
  markError(line: number, column: number | undefined, message: string): void;
  clearErrors(): void;
  setDark(dark: boolean): void;
  focus(): void;
}

export function createEditor(
  host: HTMLElement,
  options: {
    code: string;
    inputs: readonly LessonInput[];
    ariaLabel: string;
    /** Id of the element a screen reader reads after the label (the keyboard hint). */
    describedBy: string;
    dark: boolean;
    onRun: () => void;
  },
): CodeEditor {
  const model = monaco.editor.createModel(options.code, GRAMMAR_ONLY_JAVASCRIPT, monaco.Uri.parse('file:///playground.js'));
  void shown.then(() => startLanguageService(model, options.inputs));
  const editor = monaco.editor.create(host, {
    model,
    ariaLabel: options.ariaLabel,
    theme: themeName(options.dark),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    tabSize: 2,
    accessibilityHelpUrl: undefined,
    // The textarea input rather than Chromium's EditContext, which Monaco calls
    // experimental: screen readers have long been tested with the textarea, it
    // carries the keyboard hint below, and it avoids EditContext's focus
    // scrolling its ancestors (microsoft/vscode#324758).
    editContext: false,
    // Hovers and suggestions on the first lines would be cut off at the editor's top edge otherwise.
    fixedOverflowWidgets: true,
    // Monaco dims the number of an empty last line below AA contrast; the reader gains nothing from the hint.
    renderFinalNewline: 'on',
    disableLayerHinting: true,
    ...layoutFor(narrow.matches),
  });
  narrow.addEventListener('change', () => editor.updateOptions(layoutFor(narrow.matches)));
  host.querySelector('textarea')?.setAttribute('aria-describedby', options.describedBy);
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, options.onRun);
  requestIdleCallback(() => editorShown(), { timeout: 1000 });
  const errorLines = editor.createDecorationsCollection();

  return {
    getCode: () => model.getValue(),
    replaceCode(code) {
      if (code !== model.getValue()) {
        // An edit rather than setValue, which would clear the undo stack; the stops make it one undo step.
        editor.pushUndoStop();
        editor.executeEdits('replace-code', [{ range: model.getFullModelRange(), text: code }]);
        editor.pushUndoStop();
      }
      editor.setPosition({ lineNumber: 1, column: 1 });
      editor.setScrollPosition({ scrollTop: 0, scrollLeft: 0 });
    },
    onChange: (listener) => void model.onDidChangeContent(listener),
    markError(line, column, message) {
      const safeLine = Math.min(Math.max(1, line), model.getLineCount());
      const range = {
        startLineNumber: safeLine,
        startColumn: column ?? model.getLineFirstNonWhitespaceColumn(safeLine) ?? 1,
        endLineNumber: safeLine,
        endColumn: model.getLineMaxColumn(safeLine),
      };
      monaco.editor.setModelMarkers(model, 'runner', [
        ...monaco.editor.getModelMarkers({ owner: 'runner' }),
        { ...range, severity: monaco.MarkerSeverity.Error, message },
      ]);
      errorLines.append([{ range, options: { isWholeLine: true, className: 'run-error-line', hoverMessage: { value: message } } }]);
      host.dataset.errorLine = String(safeLine);
    },
    clearErrors() {
      // Setting even an empty list makes the editor redraw, which a Run then shares the CPU with.
      if (host.dataset.errorLine === undefined) return;
      monaco.editor.setModelMarkers(model, 'runner', []);
      errorLines.clear();
      delete host.dataset.errorLine;
    },
    setDark: (dark) => monaco.editor.setTheme(themeName(dark)),
    focus: () => editor.focus(),
  };
}
