// Small readers over a RunRecord shared by the lesson checks, so each
// check.ts states only what its exercise asks for.
import type { CheckResult, FrameRecord, ReadyState, RunRecord, SocketRecord } from '../site/runner/run-record.ts';
import { scan, stripComments } from '../site/course/js-scan.ts';

/** The path of a ws:// or wss:// URL, or '' when the URL does not parse. */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** Sockets the code opened to `path` on any host, in construction order. */
export function socketsTo(run: RunRecord, path: string): SocketRecord[] {
  return run.sockets.filter((s) => pathOf(s.url) === path);
}

/** Incoming text frames of a socket, in order. */
export function incomingText(socket: SocketRecord): FrameRecord[] {
  return socket.frames.filter((f) => f.dir === 'in' && f.type === 'text');
}

/** Parses JSON without throwing: frames are cut to 1 KiB for display and may not parse. */
export function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Milliseconds since the run started at which a socket's frame arrived. */
export function frameRunTime(socket: SocketRecord, frame: FrameRecord): number {
  return socket.createdAt + frame.time;
}

/** Milliseconds since the run started at which a socket first entered `state`, if it did. */
export function enteredState(socket: SocketRecord, state: ReadyState): number | undefined {
  const entry = socket.states.find((s) => s.state === state);
  return entry && socket.createdAt + entry.time;
}

/** Offsets [start, end) of the `console.*( … )` calls in `code`, whose comments are already blanked. */
function consoleCalls(code: string): Array<[number, number]> {
  const inLiteral = new Uint8Array(code.length);
  for (const t of scan(code)) if (t.kind !== 'code') inLiteral.fill(1, t.start, t.end);
  const calls: Array<[number, number]> = [];
  for (const match of code.matchAll(/\bconsole\s*\.\s*\w+\s*\(/g)) {
    if (inLiteral[match.index]) continue;
    let depth = 0;
    let end = match.index + match[0].length - 1;
    for (; end < code.length; end++) {
      if (inLiteral[end]) continue;
      if (code[end] === '(') depth += 1;
      else if (code[end] === ')' && --depth === 0) break;
    }
    calls.push([match.index, end + 1]);
  }
  return calls;
}

/** What the code that ran does besides printing: comments and `console.*(…)` calls blanked out. */
export function codeOutsideConsole(run: RunRecord): string {
  let code = stripComments(run.code);
  for (const [start, end] of consoleCalls(code)) code = code.slice(0, start) + ' '.repeat(end - start) + code.slice(end);
  return code;
}

/** The source text of each `console.*(…)` call in the code that ran (comments excluded). */
export function consoleCallsInCode(run: RunRecord): string[] {
  const code = stripComments(run.code);
  return consoleCalls(code).map(([start, end]) => code.slice(start, end));
}

/** The whole numbers a line mentions, in order ("3.5" and "1e3" count as no whole number). */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(/(?<![\d.])\d+(?![\d.]|e\d)/g)].map((m) => Number(m[0]));
}

/** Console lines (any level) printed at or after `time` ms into the run. */
export function consoleSince(run: RunRecord, time: number): string[] {
  return run.console.filter((c) => c.time >= time).map((c) => c.text);
}

/** A failing result with a hint in both languages. */
export function fail(zh: string, en: string): CheckResult {
  return { pass: false, hint: { zh, en } };
}

export const PASS: CheckResult = { pass: true };
