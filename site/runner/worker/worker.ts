// The worker that runs one run of the reader's code. It installs the globals
// and the observed WebSocket, routes console output and errors to the page,
// then imports the code as a module from a data: URL (so top-level await works
// and line numbers match the editor).
//
// Its only channel to the frame is a private MessagePort received before the
// code loads; the global postMessage is taken away, so the code cannot post
// run events of its own.
//
// A run is over when its top level has returned (or thrown), every socket it
// opened has closed and no timer is pending — or when Stop ends it. The worker
// then sends its last status and the frame terminates it, so nothing the code
// does can print after "finished".
import { errorMessage, locationInStack } from './error-location.ts';
import { formatArgs, formatValue } from './format.ts';
import { LIMITS, TIMING } from '../limits.ts';
import { observedWebSocketClass } from './observed-socket.ts';
import { createOutbox } from './outbox.ts';
import { CHANNEL, isFrameToWorker, type FrameToWorker, type RunEvent, type RunGlobals, type WorkerToFrame } from '../protocol.ts';
import { syntaxErrorLocation } from './syntax-error-location.ts';
import type { ConsoleLevel, RunError, RunRecord } from '../run-record.ts';

interface WorkerScope {
  addEventListener(type: string, listener: (event: Event) => void): void;
}

const scope = self as unknown as WorkerScope & Record<string, unknown>;
// The worker's own timers, before the reader's code can see (and replace) them.
const nativeSetTimeout = setTimeout.bind(self);
const nativeClearTimeout = clearTimeout.bind(self);
const nativeSetInterval = setInterval.bind(self);
const nativeClearInterval = clearInterval.bind(self);
/** The name the code's stack frames and error events carry (its sourceURL), as the editor's file. */
const moduleUrl = 'playground.js';

// Times count from the start of the run, not of the worker (which may be started ahead of it).
let started = performance.now();
const now = (): number => Math.round((performance.now() - started) * 10) / 10;

let port: MessagePort | undefined;
let toFrame: ((message: WorkerToFrame) => void) | undefined;
const outbox = createOutbox(
  (events: RunEvent[]) => toFrame?.({ channel: CHANNEL, type: 'events', events }),
  now,
  (run, ms) => void nativeSetTimeout(run, ms),
);

let topLevel: 'running' | 'done' | 'threw' = 'running';
let status: RunRecord['status'] = 'running';
let stopping = false;
/** Timers of the reader's code still to fire (intervals until cleared). */
const pendingTimers = new Set<number>();
let statusCheckQueued = false;

const sockets = observedWebSocketClass(WebSocket, { emit: outbox.push, now, changed: checkStatusSoon });

/**
 * Re-evaluates the status after the current task and its microtasks: a close
 * event reaches the runner's listener before the code's own onclose, which may
 * still print or open another socket.
 */
function checkStatusSoon(): void {
  if (statusCheckQueued) return;
  statusCheckQueued = true;
  nativeSetTimeout(() => {
    statusCheckQueued = false;
    updateStatus();
  }, 0);
}

function updateStatus(): void {
  if (stopping || status !== 'running') return;
  if (topLevel === 'threw') void end('failed');
  else if (topLevel === 'done' && sockets.live().size === 0 && pendingTimers.size === 0) void end('finished');
}

/** Closes what is still open, reports the last status and hands the worker back to the frame to terminate. */
async function end(last: RunRecord['status']): Promise<void> {
  status = last;
  await closeSockets();
  // Frames and closes still being described belong before the last status (after it the page takes nothing).
  await Promise.race([sockets.settled(), new Promise((resolve) => nativeSetTimeout(resolve, TIMING.stopGraceMs))]);
  if (last !== 'stopped') outbox.push({ kind: 'status', status: last });
  outbox.flush();
  toFrame?.({ channel: CHANNEL, type: 'ended' });
}

/** Closes every live socket (code 1000) and waits for their close events, at most the stop grace. */
function closeSockets(): Promise<void> {
  const open = [...sockets.live()];
  if (open.length === 0) return Promise.resolve();
  for (const socket of open) {
    try {
      socket.close(1000);
    } catch {
      // Already closing.
    }
  }
  return new Promise((resolve) => {
    const deadline = nativeSetTimeout(resolve, TIMING.stopGraceMs);
    const poll = nativeSetInterval(() => {
      if (sockets.live().size > 0) return;
      nativeClearInterval(poll);
      nativeClearTimeout(deadline);
      // One more turn, for the close events chained behind their frames.
      nativeSetTimeout(resolve, 0);
    }, 5);
  });
}

function reportError(kind: RunError['kind'], thrown: unknown, fallback?: { line: number; column: number }): void {
  const stack = thrown instanceof Error ? thrown.stack : undefined;
  const where = locationInStack(stack, moduleUrl) ?? fallback;
  const message = errorMessage(thrown, formatValue).slice(0, LIMITS.charsPerLine);
  outbox.line({ kind: 'error', error: { kind, message, time: now(), ...where } });
}

function installConsole(): void {
  const levels: Record<string, ConsoleLevel> = {
    log: 'log',
    info: 'info',
    warn: 'warn',
    error: 'error',
    debug: 'debug',
    dir: 'log',
    table: 'log',
    trace: 'debug',
  };
  const target = console as unknown as Record<string, unknown>;
  for (const [method, level] of Object.entries(levels)) {
    target[method] = (...args: unknown[]) => outbox.line({ kind: 'console', entry: { level, text: formatArgs(args), time: now() } });
  }
}

/** setTimeout and friends, counted: a run with a timer still to fire is not over. */
function installTimers(): void {
  scope.setTimeout = (fn: unknown, ms?: number, ...args: unknown[]): number => {
    const id = nativeSetTimeout(
      (...given: unknown[]) => {
        pendingTimers.delete(id);
        checkStatusSoon();
        if (typeof fn === 'function') (fn as (...a: unknown[]) => unknown)(...given);
      },
      ms,
      ...args,
    ) as unknown as number;
    pendingTimers.add(id);
    return id;
  };
  scope.setInterval = (fn: unknown, ms?: number, ...args: unknown[]): number => {
    const id = nativeSetInterval(fn as () => void, ms, ...args) as unknown as number;
    pendingTimers.add(id);
    return id;
  };
  const clear = (id: unknown): void => {
    if (typeof id !== 'number' || !pendingTimers.delete(id)) return;
    // Timeouts and intervals share one list of ids, so either call clears either.
    nativeClearTimeout(id);
    checkStatusSoon();
  };
  scope.clearTimeout = clear;
  scope.clearInterval = clear;
}

function installErrorHandlers(): void {
  scope.addEventListener('error', (event) => {
    const e = event as ErrorEvent;
    e.preventDefault();
    const fallback = e.filename === moduleUrl && e.lineno ? { line: e.lineno, column: e.colno } : undefined;
    reportError('error', e.error ?? e.message, fallback);
  });
  scope.addEventListener('unhandledrejection', (event) => {
    const e = event as PromiseRejectionEvent;
    e.preventDefault();
    reportError('rejection', e.reason);
  });
}

function sendLine(text: string): void {
  const open = [...sockets.live()].reverse().find((s) => s.readyState === WebSocket.OPEN);
  if (!open) {
    outbox.push({ kind: 'notice', notice: { code: 'no-open-socket' } });
    return;
  }
  open.send(text);
  outbox.push({ kind: 'notice', notice: { code: 'sent', text: text.slice(0, LIMITS.charsPerLine) } });
}

/**
 * The code as a data: URL rather than a blob: URL, which the worker would fetch through the
 * browser process (milliseconds on every Run). The sourceURL comment, after the code so lines keep
 * their numbers, names it in stack frames instead of the whole URL.
 */
function moduleSource(code: string): string {
  return `data:text/javascript;charset=utf-8,${encodeURIComponent(`${code}\n//# sourceURL=${moduleUrl}`)}`;
}

async function start(code: string, globals: RunGlobals): Promise<void> {
  started = performance.now();
  Object.assign(scope, globals);
  try {
    await import(/* @vite-ignore */ moduleSource(code));
    topLevel = 'done';
  } catch (thrown) {
    // Chromium gives a module's SyntaxError no position: find it by parsing the code again.
    const where =
      thrown instanceof SyntaxError && !locationInStack(thrown.stack, moduleUrl)
        ? await syntaxErrorLocation(code, thrown.message)
        : undefined;
    topLevel = 'threw';
    reportError('error', thrown, where);
  }
  checkStatusSoon();
}

function onPortMessage(message: FrameToWorker): void {
  if (message.type === 'start') void start(message.code, message.globals);
  else if (message.type === 'send-line') sendLine(message.text);
  else if (!stopping) {
    stopping = true;
    void end('stopped');
  }
}

/**
 * Takes the private port from the frame's first message, then removes every way
 * the code could post to the frame itself or receive the frame's messages.
 */
function connect(event: Event): void {
  const { data, ports } = event as MessageEvent<unknown>;
  const received = ports[0];
  if (port || !received || typeof data !== 'object' || data === null || (data as { channel?: unknown }).channel !== CHANNEL) return;
  port = received;
  toFrame = MessagePort.prototype.postMessage.bind(port) as (message: WorkerToFrame) => void;
  port.onmessage = (e: MessageEvent<unknown>) => {
    if (isFrameToWorker(e.data)) onPortMessage(e.data);
  };
  const proto = Object.getPrototypeOf(self) as object;
  for (const name of ['postMessage', 'close']) {
    delete (proto as Record<string, unknown>)[name];
    delete scope[name];
  }
}

// Everything but the code and its globals is set up while the worker waits as the spare.
scope.addEventListener('message', connect);
scope.WebSocket = sockets.WebSocket;
installConsole();
installTimers();
installErrorHandlers();
// Samples readyState and bufferedAmount between the code's own calls.
nativeSetInterval(() => sockets.live().forEach((s) => s.sample()), 50);
