// heartbeat lesson: pings /heartbeat every 500 ms and lists each ping's round
// trip beside readyState; "go silent" makes the server stop reading and
// writing, and the pings go unanswered while readyState stays OPEN.

import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, h, liveStatus } from './kit/demo-kit.ts';
import './part2.css';

const PING_EVERY_MS = 500;
const ROWS = 8;

interface Ping {
  n: number;
  sentAt: number;
  rtt?: number;
}

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'dead-connection');
  const root = demoRoot('part2', t.label);
  const status = liveStatus();
  const body = h('tbody', {});
  const table = h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t.ping), h('th', {}, t.reply), h('th', {}, 'readyState'))), body);
  const silence = h('button', { type: 'button' }, t.silence);
  const restart = h('button', { type: 'button' }, t.restart);
  root.append(h('div', { class: 'demo-part2-controls' }, silence, restart), status, table);
  el.append(root);

  let ws: WebSocket | undefined;
  let pings: Ping[] = [];
  let timer: ReturnType<typeof setInterval> | undefined;

  function render(): void {
    const now = performance.now();
    body.replaceChildren(
      ...pings
        .slice(-ROWS)
        .reverse()
        .map((p) =>
          h(
            'tr',
            {},
            h('td', {}, `#${p.n}`),
            p.rtt === undefined
              ? h('td', { class: now - p.sentAt > PING_EVERY_MS ? 'is-bad' : '' }, t.waiting(Math.round(now - p.sentAt)))
              : h('td', { class: 'is-good' }, t.replied(p.rtt)),
            h('td', {}, String(ws?.readyState ?? '')),
          ),
        ),
    );
  }

  function start(): void {
    ws?.close();
    pings = [];
    silence.disabled = false;
    status.textContent = t.connecting;
    const socket = new WebSocket(`${ctx.serverUrl}${WS_PATHS.heartbeat}`);
    ws = socket;
    socket.addEventListener('open', () => (status.textContent = t.alive));
    socket.addEventListener('message', (e) => {
      const n = (JSON.parse(String(e.data)) as { n?: number }).n;
      const ping = pings.find((p) => p.n === n);
      if (ping) ping.rtt = Math.round(performance.now() - ping.sentAt);
    });
    socket.addEventListener('close', (e) => (status.textContent = t.closed(e.code)));
  }

  timer = setInterval(() => {
    if (ws?.readyState === WebSocket.OPEN) {
      const n = (pings.at(-1)?.n ?? 0) + 1;
      pings.push({ n, sentAt: performance.now() });
      ws.send(JSON.stringify({ type: 'ping', n }));
    }
    render();
  }, PING_EVERY_MS);

  silence.addEventListener('click', () => {
    ws?.send(JSON.stringify({ type: 'silence' }));
    silence.disabled = true;
    status.textContent = t.silent;
  });
  restart.addEventListener('click', start);
  start();

  return () => {
    clearInterval(timer);
    ws?.close();
    root.remove();
  };
};

export default mount;
