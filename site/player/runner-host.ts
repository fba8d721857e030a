// The page's side of the runner: owns the sandboxed /runner/ frame and
// numbers the runs, so events from an earlier run are never mistaken for the
// current one's.
import { CHANNEL, isFrameToPage, type PageToFrame, type RunEvent, type RunGlobals } from '../runner/protocol.ts';
import { webSocketBase } from './server-url.ts';

export interface RunnerHost {
  run(code: string, globals: RunGlobals): number;
  stop(): void;
  sendLine(text: string): void;
}

/** Globals that point the code at the serving host's own WebSocket endpoints. */
export function serverGlobals(location: Pick<Location, 'protocol' | 'host'>): Pick<RunGlobals, 'ECHO_URL' | 'SERVER_URL'> {
  const base = webSocketBase(location);
  return { ECHO_URL: `${base}/echo`, SERVER_URL: base };
}

export function createRunnerHost(
  container: HTMLElement,
  title: string,
  onEvents: (runId: number, events: RunEvent[]) => void,
): RunnerHost {
  const frame = document.createElement('iframe');
  // allow-scripts without allow-same-origin: the frame gets an opaque origin.
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.src = '/runner/';
  frame.title = title;
  frame.hidden = true;
  container.append(frame);

  let ready = false;
  const pending: PageToFrame[] = [];
  let runId = 0;

  const send = (message: PageToFrame): void => {
    if (ready) frame.contentWindow?.postMessage(message, '*');
    else pending.push(message);
  };

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.source !== frame.contentWindow || !isFrameToPage(event.data)) return;
    if (event.data.type === 'ready') {
      ready = true;
      pending.splice(0).forEach(send);
    } else onEvents(event.data.runId, event.data.events);
  });

  return {
    run(code, globals) {
      runId++;
      // Only the newest run matters if the frame is still loading.
      pending.length = 0;
      send({ channel: CHANNEL, type: 'run', runId, code, globals });
      return runId;
    },
    stop() {
      send({ channel: CHANNEL, type: 'stop', runId });
    },
    sendLine(text) {
      send({ channel: CHANNEL, type: 'send-line', runId, text });
    },
  };
}
