// The worker that runs one run of the reader's code. It installs the globals
// and the observed WebSocket, routes console output and errors to the page,
// then imports the code as a module from a blob URL (so top-level await works
// and line numbers match the editor). Stop is the frame terminating it.
import { errorMessage, locationInStack } from './error-location.ts';
import { formatArgs, formatValue } from './format.ts';
import { observedWebSocketClass } from './observed-socket.ts';
import { createOutbox } from './outbox.ts';
import { CHANNEL, isFrameToWorker, type RunEvent, type RunGlobals } from './protocol.ts';
import type { ConsoleLevel, RunError, RunRecord } from './run-record.ts';

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
}

const scope = self as unknown as WorkerScope & Record<string, unknown>;
const post = scope.postMessage.bind(scope);
// Times count from the start of the run, not of the worker (which may be started ahead of it).
let started = performance.now();
const now = (): number => Math.round((performance.now() - started) * 10) / 10;
const outbox = createOutbox((events: RunEvent[]) => post({ channel: CHANNEL, type: 'events', events }), now);

let moduleUrl = '';
let topLevel: 'running' | 'done' | 'threw' = 'running';
let status: RunRecord['status'] = 'running';

const sockets = observedWebSocketClass(WebSocket, { emit: outbox.push, now, changed: updateStatus });

/** Finished once the top level returned and no socket is still open or closing. */
function updateStatus(): void {
  const next: RunRecord['status'] =
    topLevel === 'threw' ? 'failed' : topLevel === 'done' && sockets.live().length === 0 ? 'finished' : 'running';
  if (next === status) return;
  status = next;
  outbox.push({ kind: 'status', status });
}

function reportError(kind: RunError['kind'], thrown: unknown, fallback?: { line: number; column: number }): void {
  const stack = thrown instanceof Error ? thrown.stack : undefined;
  const where = locationInStack(stack, moduleUrl) ?? fallback;
  outbox.push({ kind: 'error', error: { kind, message: errorMessage(thrown, formatValue), time: now(), ...where } });
}

function installConsole(): void {
  const levels: Record<string, ConsoleLevel> = {
    log: 'log', info: 'info', warn: 'warn', error: 'error', debug: 'debug', dir: 'log', table: 'log', trace: 'debug',
  };
  const target = console as unknown as Record<string, unknown>;
  for (const [method, level] of Object.entries(levels)) {
    target[method] = (...args: unknown[]) => outbox.console({ level, text: formatArgs(args), time: now() });
  }
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
  outbox.push({ kind: 'notice', notice: { code: 'sent', text } });
}

async function start(code: string, globals: RunGlobals): Promise<void> {
  started = performance.now();
  Object.assign(scope, globals);
  // A blob: URL, not a data: URL: data: would put the whole code into every stack frame the reader
  // prints, and into the pattern error-location.ts matches frames with.
  moduleUrl = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  try {
    await import(/* @vite-ignore */ moduleUrl);
    topLevel = 'done';
  } catch (thrown) {
    topLevel = 'threw';
    reportError('error', thrown);
  }
  updateStatus();
}

// Everything but the code and its globals is set up while the worker waits as the spare.
scope.WebSocket = sockets.WebSocket;
installConsole();
installErrorHandlers();
// Samples readyState and bufferedAmount between the code's own calls.
setInterval(() => sockets.live().forEach((s) => s.sample()), 50);

scope.addEventListener('message', (event) => {
  const message = (event as MessageEvent).data as unknown;
  if (!isFrameToWorker(message)) return;
  if (message.type === 'start') void start(message.code, message.globals);
  else sendLine(message.text);
});
