// The Output terminal: xterm.js with its DOM renderer (text stays in the page
// for screen readers and tests), colours per console level, a separator
// between runs, and a wscat-style input line sent on the run's open socket.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal, type ITheme } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { ConsoleLevel } from '../runner/run-record.ts';
import { visibleControls } from './visible-controls.ts';
import { displayWidth } from './text-width.ts';
import { wrapAtWords } from './word-wrap.ts';

export type LineStyle = ConsoleLevel | 'system' | 'input';

const COLOURS: Record<LineStyle, string> = {
  log: '',
  info: '\x1b[36m',
  warn: '\x1b[33m',
  error: '\x1b[31m',
  debug: '\x1b[90m',
  system: '\x1b[90m',
  input: '\x1b[32m',
};
const RESET = '\x1b[0m';
const PROMPT = '> ';
const MAX_TRANSCRIPT = 5000;

const LIGHT: ITheme = {
  background: '#fbfbfd',
  foreground: '#1d1f24',
  cursor: '#1d1f24',
  selectionBackground: '#b3d4ff',
  cyan: '#006b80',
  yellow: '#7a5600',
  red: '#b3261e',
  green: '#1b6e2a',
  brightBlack: '#555b66',
};
const DARK: ITheme = {
  background: '#14161b',
  foreground: '#e6e8ec',
  cursor: '#e6e8ec',
  selectionBackground: '#3a4a66',
  cyan: '#5fd4e8',
  yellow: '#f0c85a',
  red: '#ff8a80',
  green: '#7ee08a',
  brightBlack: '#a0a6b0',
};

export interface OutputTerminal {
  /** Prints one line; control characters in `text` are shown, not obeyed. */
  print(style: LineStyle, text: string): void;
  /** Prints many lines with one write (a batch of run output). */
  printAll(lines: ReadonlyArray<{ style: LineStyle; text: string }>): void;
  separator(label: string): void;
  clear(): void;
  /** Everything printed, as plain text, for Copy. */
  text(): string;
  setDark(dark: boolean): void;
}

export function createTerminal(
  host: HTMLElement,
  options: {
    dark: boolean;
    onLine: (line: string) => void;
    /** A hidden element that receives every printed line unwrapped (the terminal only keeps what fits). */
    mirror?: HTMLElement;
  },
): OutputTerminal {
  const term = new Terminal({
    convertEol: true,
    fontSize: 13,
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace',
    theme: options.dark ? DARK : LIGHT,
    scrollback: 5000,
    screenReaderMode: false,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(host);
  fit.fit();
  new ResizeObserver(() => fit.fit()).observe(host);

  let transcript: string[] = [];
  let input = '';

  const redrawInput = (): void => {
    if (input) term.write(`${COLOURS.input}${PROMPT}${input}${RESET}`);
  };

  term.onData((data) => {
    // Escape sequences are keys (arrows) or xterm's replies to queries: neither belongs in the line.
    if (data.startsWith('\x1b')) return;
    for (const char of data) {
      if (char === '\r') {
        const line = input;
        input = '';
        term.write('\r\x1b[2K');
        if (line) options.onLine(line);
      } else if (char === '\x7f' || char === '\b') {
        if (!input) continue;
        input = input.slice(0, -1);
        term.write('\r\x1b[2K');
        redrawInput();
      } else if (char >= ' ') {
        if (!input) term.write(`${COLOURS.input}${PROMPT}${RESET}`);
        input += char;
        term.write(`${COLOURS.input}${char}${RESET}`);
      }
    }
  });

  const mirror = options.mirror;
  function printAll(lines: ReadonlyArray<{ style: LineStyle; text: string }>): void {
    if (lines.length === 0) return;
    let output = '\r\x1b[2K';
    for (const { style, text } of lines) {
      const shown = visibleControls(text);
      transcript.push(shown);
      mirror?.append(`${shown}\n`);
      // Output goes above the line being typed, which is then drawn again.
      output += `${COLOURS[style]}${wrapAtWords(shown, term.cols)}${COLOURS[style] ? RESET : ''}\r\n`;
    }
    if (transcript.length > MAX_TRANSCRIPT) transcript = transcript.slice(-MAX_TRANSCRIPT);
    // The mirror holds one text node per line; keep it as long as the transcript.
    while (mirror && mirror.childNodes.length > MAX_TRANSCRIPT) mirror.firstChild?.remove();
    term.write(output);
    redrawInput();
  }

  const print = (style: LineStyle, text: string): void => printAll([{ style, text }]);

  return {
    print,
    printAll,
    separator(label) {
      const head = `── ${label} `;
      print('system', head + '─'.repeat(Math.max(2, term.cols - 1 - displayWidth(head))));
    },
    clear() {
      transcript = [];
      mirror?.replaceChildren();
      term.clear();
      term.write('\r\x1b[2K');
      redrawInput();
    },
    text: () => transcript.join('\n'),
    setDark: (dark) => {
      term.options.theme = dark ? DARK : LIGHT;
    },
  };
}
