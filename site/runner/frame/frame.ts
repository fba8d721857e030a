// Runs inside the sandboxed /runner/ frame (opaque origin: no access to the
// site's storage, cookies or DOM). Relays between the page (over the private
// port the page hands it after 'ready') and one worker per run (over a private
// port of its own); ends the worker when the run is over, on
// Stop and on a new Run (terminate() ends any loop at once and drops its
// sockets). Tells the page it is alive, so the page can tell a crashed frame
// (its process out of memory) from a quiet one.
import RunWorker from '../worker/worker.ts?worker&inline';
import { LIMITS, TIMING } from '../limits.ts';
import {
  CHANNEL,
  isPageToFrame,
  isWorkerToFrame,
  type FrameToPage,
  type FrameToWorker,
  type PageToFrame,
  type PortConnect,
  type RunEvent,
} from '../protocol.ts';

interface RunnerWorker {
  worker: Worker;
  port: MessagePort;
}

/**
 * Starts a worker from a data: URL rather than the blob: URL Vite prefers: a
 * blob: worker made in an opaque origin is not a secure context, so the code
 * would have no crypto.subtle even on localhost or https. With no object URL
 * to be had, Vite's wrapper takes its own data: URL path. The worker gets its
 * private port at once, before any code of the reader's can exist in it.
 */
function startWorker(): RunnerWorker {
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = () => '';
  let worker: Worker;
  try {
    worker = new RunWorker();
  } finally {
    URL.createObjectURL = createObjectURL;
  }
  const channel = new MessageChannel();
  const hello: PortConnect = { channel: CHANNEL, type: 'connect' };
  worker.postMessage(hello, [channel.port2]);
  return { worker, port: channel.port1 };
}

interface Run extends RunnerWorker {
  runId: number;
  /** Events relayed so far; past LIMITS.eventsPerRun the worker is not heard. */
  relayed: number;
  stopTimer?: ReturnType<typeof setTimeout>;
}

let current: Run | undefined;
// A worker started ahead of time, so Run does not wait for one to boot.
let spare: RunnerWorker | undefined = startWorker();
let spareTimer: ReturnType<typeof setTimeout> | undefined;
/** How long a new run has the CPU to itself before the next spare boots beside it. */
const SPARE_DELAY_MS = 250;
/**
 * How long the last run's worker outlives a new Run. Ending a worker (dropping its sockets) while the
 * new one loads its code and opens its socket slowed that start by about 10 ms (bench/page-budgets.ts);
 * the old run is already over for the page, whose events are no longer relayed.
 */
const PREVIOUS_END_DELAY_MS = 100;

/** The private port from the page, once it has answered 'ready'. */
let page: MessagePort | undefined;

function toPage(message: FrameToPage): void {
  // Before the port, only 'ready' and the heartbeat: the page's origin is the only one that can embed
  // this frame with our CSP; '*' is needed because an opaque origin cannot name it, and nothing sent is secret.
  if (page) page.postMessage(message);
  else parent.postMessage(message, '*');
}

function toWorker(run: Run, message: FrameToWorker): void {
  run.port.postMessage(message);
}

/** Ends the current run's worker for good; `status` is reported for Stop, the worker reports its own otherwise. */
function finish(run: Run, status?: 'stopped'): void {
  if (current !== run) return;
  current = undefined;
  end(run, status);
}

function end(run: Run, status?: 'stopped'): void {
  clearTimeout(run.stopTimer);
  run.worker.terminate();
  run.port.close();
  if (status) toPage({ channel: CHANNEL, type: 'events', runId: run.runId, events: [{ kind: 'status', status }] });
}

/** Asks the worker to close its sockets cleanly; a worker that does not answer in time is terminated. */
function stop(run: Run): void {
  if (run.stopTimer) return;
  toWorker(run, { channel: CHANNEL, type: 'stop' });
  run.stopTimer = setTimeout(() => finish(run, 'stopped'), TIMING.stopGraceMs);
}

function relay(run: Run, events: unknown[]): void {
  if (current !== run || run.relayed >= LIMITS.eventsPerRun) return;
  const batch = events.slice(0, Math.min(LIMITS.eventsPerBatch, LIMITS.eventsPerRun - run.relayed)) as RunEvent[];
  run.relayed += batch.length;
  toPage({ channel: CHANNEL, type: 'events', runId: run.runId, events: batch });
}

function run(message: Extract<PageToFrame, { type: 'run' }>): void {
  // The last run is over for the page at once (its events are no longer relayed); its worker is
  // ended a moment later, so the new run's start need not share the machine with that.
  const previous = current;
  current = undefined;
  const started = spare ?? startWorker();
  spare = undefined;
  const next: Run = { ...started, runId: message.runId, relayed: 0 };
  next.port.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (!isWorkerToFrame(data)) return;
    if (data.type === 'events') relay(next, data.events);
    else finish(next, next.stopTimer ? 'stopped' : undefined);
  };
  next.worker.addEventListener('error', (event) => {
    // Only reached when the worker itself cannot start; the code's own errors are reported from inside.
    event.preventDefault();
    const error = { kind: 'error' as const, message: event.message || 'The runner could not start.', time: 0 };
    toPage({
      channel: CHANNEL,
      type: 'events',
      runId: next.runId,
      events: [
        { kind: 'error', error },
        { kind: 'status', status: 'failed' },
      ],
    });
    finish(next);
  });
  toWorker(next, { channel: CHANNEL, type: 'start', code: message.code, globals: message.globals });
  current = next;
  if (previous) setTimeout(() => end(previous, 'stopped'), PREVIOUS_END_DELAY_MS);
  clearTimeout(spareTimer);
  spareTimer = setTimeout(() => (spare ??= startWorker()), SPARE_DELAY_MS);
}

function fromPage(message: PageToFrame): void {
  if (message.type === 'run') run(message);
  else if (current?.runId === message.runId) {
    if (message.type === 'stop') stop(current);
    else toWorker(current, { channel: CHANNEL, type: 'send-line', text: message.text });
  }
}

// The page's one 'connect', with the port; the window's messages are not listened to after it.
window.addEventListener('message', function connect(event: MessageEvent<unknown>) {
  const received = event.ports[0];
  const data = event.data as Partial<PortConnect> | null;
  if (event.source !== parent || !received || data?.channel !== CHANNEL || data.type !== 'connect') return;
  window.removeEventListener('message', connect);
  page = received;
  page.onmessage = (e: MessageEvent<unknown>) => {
    if (isPageToFrame(e.data)) fromPage(e.data);
  };
});

toPage({ channel: CHANNEL, type: 'ready' });
setInterval(() => toPage({ channel: CHANNEL, type: 'alive' }), TIMING.heartbeatMs);
