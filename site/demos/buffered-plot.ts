// The buffered-amount lesson's demo: 32 MiB sent at once (in 512 KiB
// messages) to /slow, with the sender's bufferedAmount and the bytes the
// server has read plotted over time on labelled axes as the queue drains.
// On loopback the operating system's socket buffers take ~10 MB off the
// browser's hands at once, so a smaller send would show bufferedAmount at 0
// almost from the start: 32 MiB leaves most of it in the browser's queue.

import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, formatBytes, h, liveStatus } from './kit/demo-kit.ts';

const MiB = 1024 * 1024;
const CHUNK = MiB / 2;
const CHUNKS = 64;
const TOTAL = CHUNK * CHUNKS;
const SPEEDS = [2, 4, 8].map((mib) => mib * MiB);
const SAMPLE_MS = 50;
const W = 600;
const H = 240;
const PAD = { left: 44, right: 12, top: 26, bottom: 40 };
const SVG_NS = 'http://www.w3.org/2000/svg';

interface Point {
  t: number;
  v: number;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

const x = (t: number, tMax: number): number => PAD.left + (t / tMax) * (W - PAD.left - PAD.right);
const y = (v: number): number => H - PAD.bottom - (v / TOTAL) * (H - PAD.top - PAD.bottom);

function toPoints(series: Point[], tMax: number): string {
  return series.map((p) => `${x(p.t, tMax).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
}

/** A tick every 1, 2 or 5 × 10ⁿ seconds, about five of them. */
function timeStep(tMax: number): number {
  const rough = tMax / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough) ?? rough;
}

/** Both axes with their ticks and titles; the time axis is redrawn as the run outgrows it. */
function axes(tMax: number, labels: { time: string; bytes: string }): SVGGElement {
  const group = svg('g', { class: 'axes' });
  const bottom = H - PAD.bottom;
  group.append(svg('polyline', { class: 'axis', points: `${PAD.left},${PAD.top} ${PAD.left},${bottom} ${W - PAD.right},${bottom}` }));
  for (let mib = 0; mib <= TOTAL / MiB; mib += 8) {
    group.append(
      svg('line', { class: 'grid', x1: PAD.left, x2: W - PAD.right, y1: y(mib * MiB), y2: y(mib * MiB) }),
      svg('text', { x: PAD.left - 6, y: y(mib * MiB) + 4, 'text-anchor': 'end' }, String(mib)),
    );
  }
  const step = timeStep(tMax);
  for (let t = 0; t <= tMax + 1e-9; t += step) {
    group.append(svg('text', { x: x(t, tMax), y: bottom + 16, 'text-anchor': 'middle' }, String(Number(t.toFixed(1)))));
  }
  group.append(
    svg('text', { x: (PAD.left + W - PAD.right) / 2, y: H - 4, 'text-anchor': 'middle' }, labels.time),
    svg('text', { x: PAD.left - 6, y: 12, 'text-anchor': 'end', class: 'unit' }, labels.bytes),
  );
  return group;
}

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'buffered-plot');
  const root = demoRoot('buffered-plot', t.label);
  const speed = h('select', {}, ...SPEEDS.map((bps) => h('option', { value: bps }, t.speed(formatBytes(bps)))));
  const start = h('button', { type: 'button' }, t.start(formatBytes(TOTAL)));
  const buffered = h('output', { class: 'demo-buffered-plot-buffered' }, '0 B');
  const received = h('output', { class: 'demo-buffered-plot-received' }, '0 B');
  const elapsed = h('output', {}, '0.0 s');
  const status = liveStatus();
  const labels = { time: t.timeAxis, bytes: t.bytesAxis };

  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': t.chartLabel, class: 'demo-buffered-plot-chart' });
  let axisGroup = axes(TOTAL / SPEEDS[0]!, labels);
  const queueLine = svg('polyline', { class: 'queue', points: '' });
  const readLine = svg('polyline', { class: 'read', points: '' });
  chart.append(axisGroup, readLine, queueLine);

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
    h('p', { class: 'demo-buffered-plot-note' }, t.osNote),
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
    const socket = new WebSocket(`${ctx.serverUrl}${WS_PATHS.slow}?bps=${bps}`);
    ws = socket;
    start.disabled = true;
    speed.disabled = true;
    status.textContent = t.connecting;
    const queue: Point[] = [];
    const read: Point[] = [];
    let began = 0;
    let serverRead = 0;
    let shownMax = 0;

    const draw = () => {
      const now = (performance.now() - began) / 1000;
      queue.push({ t: now, v: socket.bufferedAmount });
      read.push({ t: now, v: serverRead });
      const tMax = Math.max((TOTAL / bps) * 1.15, now);
      if (tMax !== shownMax) {
        shownMax = tMax;
        const next = axes(tMax, labels);
        axisGroup.replaceWith(next);
        axisGroup = next;
      }
      queueLine.setAttribute('points', toPoints(queue, tMax));
      readLine.setAttribute('points', toPoints(read, tMax));
      buffered.textContent = formatBytes(socket.bufferedAmount);
      received.textContent = formatBytes(serverRead);
      elapsed.textContent = `${now.toFixed(1)} s`;
    };

    socket.addEventListener('open', () => {
      for (let i = 0; i < CHUNKS; i++) socket.send(new Uint8Array(CHUNK));
      // Time runs from when everything is queued: the sends themselves take a moment.
      began = performance.now();
      status.textContent = t.sending(formatBytes(TOTAL), CHUNKS);
      draw();
      timer = setInterval(draw, SAMPLE_MS);
    });
    socket.addEventListener('message', (event) => {
      const report = JSON.parse(String(event.data)) as { type: string; received: number; messages: number };
      serverRead = report.received;
      if (report.type === 'message' && report.messages === CHUNKS) {
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
