// Runs inside the sandboxed /runner/ frame (opaque origin: no access to the
// site's storage, cookies or DOM). Relays between the page and one worker per
// run; Stop and a new Run terminate the worker, which ends any loop at once
// and closes its sockets.
import RunWorker from './worker.ts?worker&inline';
import { CHANNEL, isPageToFrame, isWorkerToFrame, type FrameToPage, type PageToFrame } from './protocol.ts';

/**
 * Starts a worker from a data: URL rather than the blob: URL Vite prefers: a
 * blob: worker made in an opaque origin is not a secure context, so the code
 * would have no crypto.subtle even on localhost or https. With no object URL
 * to be had, Vite's wrapper takes its own data: URL path.
 */
function startWorker(): Worker {
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = () => '';
  try {
    return new RunWorker();
  } finally {
    URL.createObjectURL = createObjectURL;
  }
}

let current: { runId: number; worker: Worker } | undefined;
// A worker started ahead of time, so Run does not wait for one to boot.
let spare: Worker | undefined = startWorker();
let spareTimer: ReturnType<typeof setTimeout> | undefined;
/** How long a new run has the CPU to itself before the next spare boots beside it. */
const SPARE_DELAY_MS = 250;

function toPage(message: FrameToPage): void {
  // The page's origin is the only one that can embed this frame with our CSP; '*' is needed because an
  // opaque origin cannot name it, and nothing sent here is secret.
  parent.postMessage(message, '*');
}

function stop(): void {
  if (!current) return;
  current.worker.terminate();
  toPage({ channel: CHANNEL, type: 'events', runId: current.runId, events: [{ kind: 'status', status: 'stopped' }] });
  current = undefined;
}

function run(message: Extract<PageToFrame, { type: 'run' }>): void {
  const { runId } = message;
  // The last run ends first, as the SPEC says; terminate() only signals its thread, so this costs
  // the new run nothing.
  stop();
  const worker = spare ?? startWorker();
  spare = undefined;
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isWorkerToFrame(event.data)) toPage({ channel: CHANNEL, type: 'events', runId, events: event.data.events });
  });
  worker.addEventListener('error', (event) => {
    // Only reached when the worker itself cannot start; the code's own errors are reported from inside.
    event.preventDefault();
    const error = { kind: 'error' as const, message: event.message || 'The runner could not start.', time: 0 };
    toPage({ channel: CHANNEL, type: 'events', runId, events: [{ kind: 'error', error }, { kind: 'status', status: 'failed' }] });
  });
  worker.postMessage({ channel: CHANNEL, type: 'start', code: message.code, globals: message.globals });
  current = { runId, worker };
  clearTimeout(spareTimer);
  spareTimer = setTimeout(() => (spare ??= startWorker()), SPARE_DELAY_MS);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.source !== parent || !isPageToFrame(event.data)) return;
  const message = event.data;
  if (message.type === 'run') run(message);
  else if (current?.runId === message.runId) {
    if (message.type === 'stop') stop();
    else current.worker.postMessage({ channel: CHANNEL, type: 'send-line', text: message.text });
  }
});

toPage({ channel: CHANNEL, type: 'ready' });
