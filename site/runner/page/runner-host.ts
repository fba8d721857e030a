// The page's side of the runner: owns the sandboxed /runner/ frame and
// numbers the runs, so events from an earlier run are never mistaken for the
// current one's. Trusts nothing the frame sends (each event is validated and
// the run's total bounded), and does not rely on the frame to stop: if Stop is
// not confirmed in time, or the frame falls silent during a run (its process
// crashed, as when the code exhausts its memory), the frame is replaced.
//
// After the frame's 'ready', the two talk over a private MessagePort: a port's
// message goes straight to the other process at once, where the window's
// postMessage waits for the end of the sender's task and goes through the
// browser process (milliseconds on every Run and every event).
import { RUNNER_PATH } from '../../../contracts/endpoints.ts';
import { LIMITS, TIMING } from '../limits.ts';
import {
  CHANNEL,
  isFrameToPage,
  sanitizeEvents,
  type FrameToPage,
  type PageToFrame,
  type PortConnect,
  type RunEvent,
  type RunGlobals,
} from '../protocol.ts';
import { webSocketBase } from '../../page/server-url.ts';

export interface RunnerHost {
  run(code: string, globals: RunGlobals): number;
  stop(): void;
  sendLine(text: string): void;
}

export interface RunnerCallbacks {
  /** Validated events of run `runId`. */
  onEvents(runId: number, events: RunEvent[]): void;
  /** The frame stopped answering during run `runId` and was replaced: the run is over. */
  onLost(runId: number, cause: 'crashed' | 'unresponsive'): void;
}

/** Globals that point the code at the serving host's own WebSocket endpoints. */
export function serverGlobals(location: Pick<Location, 'protocol' | 'host'>): Pick<RunGlobals, 'ECHO_URL' | 'SERVER_URL'> {
  const base = webSocketBase(location);
  return { ECHO_URL: `${base}/echo`, SERVER_URL: base };
}

const ENDED = new Set(['finished', 'stopped', 'failed']);

export function createRunnerHost(container: HTMLElement, title: string, callbacks: RunnerCallbacks): RunnerHost {
  let frame: HTMLIFrameElement;
  /** The private port to the current frame, once it is ready. */
  let port: MessagePort | undefined;
  let lastHeard = performance.now();
  const pending: PageToFrame[] = [];
  let runId = 0;
  /** The run still going, with how many events the page took from it. */
  let active: { runId: number; events: number } | undefined;
  let stopDeadline: ReturnType<typeof setTimeout> | undefined;

  function mount(): void {
    frame?.remove();
    port?.close();
    port = undefined;
    frame = document.createElement('iframe');
    // allow-scripts without allow-same-origin: the frame gets an opaque origin (and, in Chromium,
    // its own process, so a run that exhausts memory crashes only the frame).
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.src = RUNNER_PATH;
    frame.title = title;
    frame.hidden = true;
    lastHeard = performance.now();
    container.append(frame);
  }

  const send = (message: PageToFrame): void => {
    if (port) port.postMessage(message);
    else pending.push(message);
  };

  /** Ends the active run from the page's side and starts a fresh frame. */
  function lose(cause: 'crashed' | 'unresponsive'): void {
    clearTimeout(stopDeadline);
    const lost = active;
    active = undefined;
    pending.length = 0;
    mount();
    if (lost) callbacks.onLost(lost.runId, cause);
  }

  function accept(id: number, raw: unknown[]): void {
    if (!active || active.runId !== id) return;
    const events = sanitizeEvents(raw).slice(0, LIMITS.eventsPerRun - active.events);
    active.events += events.length;
    if (events.some((e) => e.kind === 'status' && ENDED.has(e.status))) {
      clearTimeout(stopDeadline);
      active = undefined;
    }
    if (events.length > 0) callbacks.onEvents(id, events);
  }

  function hear(message: FrameToPage): void {
    lastHeard = performance.now();
    if (message.type === 'events') accept(message.runId, message.events);
  }

  /** The frame is ready: hands it its end of a fresh private channel, then everything waiting. */
  function connect(target: Window): void {
    const channel = new MessageChannel();
    const own = channel.port1;
    own.onmessage = (event: MessageEvent<unknown>) => {
      if (port === own && isFrameToPage(event.data)) hear(event.data);
    };
    port = own;
    const hello: PortConnect = { channel: CHANNEL, type: 'connect' };
    // '*': the frame's origin is opaque and cannot be named; only the frame this page made is addressed.
    target.postMessage(hello, '*', [channel.port2]);
    pending.splice(0).forEach(send);
  }

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const target = frame.contentWindow;
    if (!target || event.source !== target || !isFrameToPage(event.data)) return;
    lastHeard = performance.now();
    if (event.data.type === 'ready' && !port) connect(target);
  });

  // A hidden page's timers are throttled, the frame's heartbeat with them: judge silence only while visible.
  document.addEventListener('visibilitychange', () => {
    lastHeard = performance.now();
  });
  setInterval(() => {
    if (active && document.visibilityState === 'visible' && performance.now() - lastHeard > TIMING.frameDeadAfterMs) lose('crashed');
  }, TIMING.heartbeatMs);

  mount();

  return {
    run(code, globals) {
      runId++;
      clearTimeout(stopDeadline);
      // Only the newest run matters if the frame is still loading.
      pending.length = 0;
      active = { runId, events: 0 };
      send({ channel: CHANNEL, type: 'run', runId, code, globals });
      return runId;
    },
    stop() {
      if (!active) return;
      send({ channel: CHANNEL, type: 'stop', runId });
      clearTimeout(stopDeadline);
      stopDeadline = setTimeout(() => lose('unresponsive'), TIMING.stopDeadlineMs);
    },
    sendLine(text) {
      send({ channel: CHANNEL, type: 'send-line', runId, text });
    },
  };
}
