// A log of attempts for the part 2 demos: each attempt opens a socket and
// lists its events (open with the chosen subprotocol, messages, error, close)
// as they happen, newest attempt first.

import { h } from './demo-kit.ts';
import '../part2.css';

export interface SocketLogStrings {
  log: string;
  open: (protocol: string) => string;
  message: (data: string) => string;
  error: string;
  close: (code: number, reason: string) => string;
}

export interface SocketLog {
  element: HTMLElement;
  /** Opens `url` (offering `protocols`) and logs its events under `title`. */
  watch(title: string, url: string, options?: { protocols?: string[]; onOpen?: (ws: WebSocket) => void }): WebSocket;
  /** Adds a line that is not a socket event (an HTTP answer, say) under `title`. */
  note(title: string, line: string): void;
  close(): void;
}

const KEEP = 6;

export function createSocketLog(t: SocketLogStrings, serverUrl: string): SocketLog {
  const element = h('ol', { class: 'demo-part2-log', 'aria-live': 'polite', 'aria-label': t.log });
  const sockets = new Set<WebSocket>();

  function entry(title: string, detail?: string): (text: string, kind?: string) => void {
    const started = performance.now();
    const events = h('ul', {});
    element.prepend(h('li', {}, h('strong', {}, title), detail ? ' ' : '', detail ? h('code', {}, detail) : '', events));
    while (element.children.length > KEEP) element.lastElementChild?.remove();
    return (text, kind = 'event') =>
      events.append(h('li', { class: `is-${kind}` }, `${Math.round(performance.now() - started)} ms · ${text}`));
  }

  return {
    element,
    watch(title, url, { protocols, onOpen } = {}) {
      const line = entry(title, decodeURIComponent(url.replace(serverUrl, '')));
      const ws = protocols ? new WebSocket(url, protocols) : new WebSocket(url);
      sockets.add(ws);
      ws.addEventListener('open', () => {
        line(t.open(ws.protocol), 'open');
        onOpen?.(ws);
      });
      ws.addEventListener('message', (e) => line(t.message(String(e.data).slice(0, 120))));
      ws.addEventListener('error', () => line(t.error, 'error'));
      ws.addEventListener('close', (e) => {
        sockets.delete(ws);
        line(t.close(e.code, e.reason), 'close');
      });
      return ws;
    },
    note(title, text) {
      entry(title)(text);
    },
    close() {
      for (const ws of sockets) ws.close();
      sockets.clear();
    },
  };
}
