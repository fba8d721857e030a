// The buffered-amount lesson's demo: 10 MB sent in one message to /slow,
// with the sender's bufferedAmount and the server's reported progress
// plotted over time as the queue drains.

import type { MountDemo } from './types.ts';
import { demoRoot, demoStrings, formatBytes, h, liveStatus } from './demo-kit.ts';

const TOTAL = 10_000_000;
const SPEEDS = [1, 2, 4].map((mib) => mib * 1024 * 1024);
const SAMPLE_MS = 50;
const W = 600;
const H = 220;
const PAD = { left: 8, right: 8, top: 10, bottom: 10 };
const SVG_NS = 'http://www.w3.org/2000/svg';

interface Point {
  t: number;
  v: number;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function toPoints(series: Point[], tMax: number): string {
  const x = (t: number) => PAD.left + (t / tMax) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / TOTAL) * (H - PAD.top - PAD.bottom);
  return series.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
}

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'buffered-plot');
  const root = demoRoot('buffered-plot', t.label);
  const speed = h('select', {}, ...SPEEDS.map((bps) => h('option', { value: bps }, t.speed(formatBytes(bps)))));
  const start = h('button', { type: 'button' }, t.start);
  const buffered = h('output', { class: 'demo-buffered-plot-buffered' }, '0 B');
  const received = h('output', { class: 'demo-buffered-plot-received' }, '0 B');
  const elapsed = h('output', {}, '0.0 s');
  const status = liveStatus();

  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': t.chartLabel, class: 'demo-buffered-plot-chart' });
  const axis = svg('polyline', { class: 'axis', points: `${PAD.left},${PAD.top} ${PAD.left},${H - PAD.bottom} ${W - PAD.right},${H - PAD.bottom}` });
  const queueLine = svg('polyline', { class: 'queue', points: '' });
  const readLine = svg('polyline', { class: 'read', points: '' });
  chart.append(axis, readLine, queueLine);

  root.append(
    h('p', { class: 'demo-buffered-plot-controls' }, h('label', {}, t.speedLabel, ' ', speed), ' ', start),
    chart,
    h(
      'dl',
      { class: 'demo-buffered-plot-readout' },
      h('dt', {}, h('span', { class: 'swatch queue', 'aria-hidden': 'true' }), 'bufferedAmount'),
      h('dd', {}, buffered),
      h('dt', {}, h('span', { class: 'swatch read', 'aria-hidden': 'true' }), t.received),
      h('dd', {}, received),
      h('dt', {}, t.elapsed),
      h('dd', {}, elapsed),
    ),
    status,
  );
  el.append(root);

  let ws: WebSocket | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  function stop(): void {
    clearInterval(timer);
    timer = undefined;
    ws?.close(1000, 'demo finished');
    ws = null;
    start.disabled = false;
    speed.disabled = false;
  }

  function run(): void {
    stop();
    const bps = Number(speed.value);
    const socket = new WebSocket(`${ctx.serverUrl}/slow?bps=${bps}`);
    ws = socket;
    start.disabled = true;
    speed.disabled = true;
    status.textContent = t.connecting;
    const queue: Point[] = [];
    const read: Point[] = [];
    let began = 0;
    let serverRead = 0;
    const tMax = () => Math.max((TOTAL / bps) * 1.15, queue.at(-1)?.t ?? 0);

    const draw = () => {
      const now = (performance.now() - began) / 1000;
      queue.push({ t: now, v: socket.bufferedAmount });
      read.push({ t: now, v: serverRead });
      queueLine.setAttribute('points', toPoints(queue, tMax()));
      readLine.setAttribute('points', toPoints(read, tMax()));
      buffered.textContent = formatBytes(socket.bufferedAmount);
      received.textContent = formatBytes(serverRead);
      elapsed.textContent = `${now.toFixed(1)} s`;
    };

    socket.addEventListener('open', () => {
      began = performance.now();
      socket.send(new Uint8Array(TOTAL));
      status.textContent = t.sending(formatBytes(TOTAL), formatBytes(socket.bufferedAmount));
      draw();
      timer = setInterval(draw, SAMPLE_MS);
    });
    socket.addEventListener('message', (event) => {
      const report = JSON.parse(String(event.data)) as { type: string; received: number; size: number };
      // `received` counts bytes off the wire as they arrive; a whole-message report settles it at `size`.
      serverRead = report.type === 'message' ? report.size : report.received;
      if (report.type === 'message') {
        draw();
        status.textContent = t.done(((performance.now() - began) / 1000).toFixed(1));
        stop();
      }
    });
    socket.addEventListener('close', (event) => {
      if (ws !== socket) return;
      status.textContent = t.closed(event.code);
      stop();
    });
  }

  start.addEventListener('click', run);
  return () => {
    stop();
    root.remove();
  };
};

export default mount;
