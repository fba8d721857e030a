// why-websocket's demo: the same weather readings fetched by HTTP polling of
// /api/weather and pushed over a WebSocket from /push, side by side, with
// live counts of requests or messages, bytes received, repeats and staleness.
// The summary line is written when the demo stops, from the same counters the
// columns show, so the two never disagree.

import { WS_PATHS } from '../../contracts/endpoints.ts';
import { READING_EVERY_MS, type WeatherReading } from '../../contracts/weather.ts';
import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, formatBytes, h } from './kit/demo-kit.ts';
import { frameHeaderSize } from './kit/frame-header.ts';
import { responseHeadBytes } from './kit/http-head-size.ts';

const POLL_CHOICES_MS = [500, 1000, 2000, 5000];
const DEFAULT_POLL_MS = 2000;
const PUSH_INTERVAL_MS = 1000;
const AGE_TICK_MS = 250;
let mounted = 0;

type Reading = Pick<WeatherReading, 'seq' | 'temperatureC' | 'condition' | 'updatedAt'>;

function asReading(value: unknown): Reading | undefined {
  const v = value as Partial<Reading> | null;
  return typeof v === 'object' && v !== null && typeof v.seq === 'number' && typeof v.updatedAt === 'string' ? (v as Reading) : undefined;
}

/** Counters of one side, and the running average of how long its on-screen reading was outdated. */
class Side {
  count = 0;
  bytes = 0;
  repeats = 0;
  latest: Reading | undefined;
  private ageSum = 0;
  private ageSamples = 0;

  /** Takes a reading in; returns false when its seq was already on screen. */
  take(reading: Reading): boolean {
    const fresh = this.latest === undefined || reading.seq > this.latest.seq;
    if (fresh) this.latest = reading;
    else this.repeats += 1;
    return fresh;
  }

  /** How long (ms) the reading on screen has been outdated: the server makes a new one every second. */
  age(now: number): number | undefined {
    return this.latest && Math.max(0, now - (Date.parse(this.latest.updatedAt) + READING_EVERY_MS));
  }

  sampleAge(now: number): void {
    const age = this.age(now);
    if (age === undefined) return;
    this.ageSum += age;
    this.ageSamples += 1;
  }

  averageAge(): number | undefined {
    return this.ageSamples ? this.ageSum / this.ageSamples : undefined;
  }
}

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'polling-vs-push');
  const id = `polling-vs-push-${++mounted}`;
  const root = demoRoot('polling-vs-push', t.label);

  const interval = h(
    'select',
    { id: `${id}-interval` },
    ...POLL_CHOICES_MS.map((ms) => h('option', { value: ms, selected: ms === DEFAULT_POLL_MS }, t.every(ms))),
  );
  const toggle = h('button', { type: 'button', 'aria-pressed': 'false' }, t.start);
  const summary = h('p', { class: 'demo-kit-status', role: 'status', 'aria-live': 'polite' }, t.idle);

  /** One column: a heading and a list of labelled values. */
  function column(title: string, countLabel: string) {
    const value = () => h('dd', {}, '—');
    const fields = { reading: value(), count: value(), bytes: value(), repeats: value(), age: value(), average: value() };
    const term = (text: string) => h('dt', {}, text);
    const list = h(
      'dl',
      {},
      term(t.reading),
      fields.reading,
      term(countLabel),
      fields.count,
      term(t.bytes),
      fields.bytes,
      term(t.repeats),
      fields.repeats,
      term(t.age),
      fields.age,
      term(t.average),
      fields.average,
    );
    return { fields, section: h('section', { class: 'demo-polling-vs-push-side', 'aria-label': title }, h('h3', {}, title), list) };
  }
  const pollView = column(t.pollTitle, t.requests);
  const pushView = column(t.pushTitle, t.messages);

  root.append(
    h('p', {}, h('label', { for: interval.id }, t.interval), interval, ' ', toggle),
    h('div', { class: 'demo-polling-vs-push-sides' }, pollView.section, pushView.section),
    summary,
    h('p', { class: 'demo-polling-vs-push-note' }, t.note),
  );
  el.append(root);

  let poll = new Side();
  let push = new Side();
  let running = false;
  let pollTimer: ReturnType<typeof setInterval> | undefined;
  let ageTimer: ReturnType<typeof setInterval> | undefined;
  let ws: WebSocket | undefined;
  let aborter: AbortController | undefined;
  const weatherUrl = `${ctx.httpUrl}/api/weather`;

  function render(): void {
    const now = Date.now();
    for (const [side, view] of [
      [poll, pollView],
      [push, pushView],
    ] as const) {
      const f = view.fields;
      f.reading.textContent = side.latest ? t.readingText(side.latest.seq, side.latest.temperatureC, side.latest.condition) : '—';
      f.count.textContent = String(side.count);
      f.bytes.textContent = formatBytes(side.bytes);
      f.repeats.textContent = String(side.repeats);
      const age = side.age(now);
      f.age.textContent = age === undefined ? '—' : t.seconds(age / 1000);
      const average = side.averageAge();
      f.average.textContent = average === undefined ? '—' : t.seconds(average / 1000);
    }
  }

  function announce(): void {
    summary.textContent = t.summary(poll.count, formatBytes(poll.bytes), poll.repeats, push.count, formatBytes(push.bytes));
  }

  async function pollOnce(): Promise<void> {
    poll.count += 1;
    try {
      const res = await fetch(weatherUrl, { cache: 'no-store', signal: aborter?.signal });
      const body = await res.text();
      poll.bytes += responseHeadBytes(res) + new TextEncoder().encode(body).length;
      const reading = asReading(JSON.parse(body));
      if (reading) poll.take(reading);
    } catch {
      // A stopped demo aborts its fetch; a failed poll just shows up as no new reading.
    }
    render();
  }

  function start(): void {
    running = true;
    toggle.textContent = t.stop;
    toggle.setAttribute('aria-pressed', 'true');
    poll = new Side();
    push = new Side();
    aborter = new AbortController();
    void pollOnce();
    pollTimer = setInterval(() => void pollOnce(), Number(interval.value));

    const socket = (ws = new WebSocket(`${ctx.serverUrl}${WS_PATHS.push}?interval=${PUSH_INTERVAL_MS}`));
    socket.addEventListener('message', (event: MessageEvent) => {
      if (!running) return;
      const text = String(event.data);
      const size = new TextEncoder().encode(text).length;
      push.count += 1;
      push.bytes += size + frameHeaderSize(size, false);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      const reading = asReading(parsed);
      if (reading) push.take(reading);
      render();
    });
    socket.addEventListener('close', () => {
      if (ws === socket && running) summary.textContent = t.pushClosed;
    });

    ageTimer = setInterval(() => {
      const now = Date.now();
      poll.sampleAge(now);
      push.sampleAge(now);
      render();
    }, AGE_TICK_MS);
    summary.textContent = t.running;
    render();
  }

  function stop(): void {
    running = false;
    toggle.textContent = t.start;
    toggle.setAttribute('aria-pressed', 'false');
    clearInterval(pollTimer);
    clearInterval(ageTimer);
    aborter?.abort();
    ws?.close(1000, 'demo stopped');
    ws = undefined;
  }

  toggle.addEventListener('click', () => {
    if (running) {
      stop();
      render();
      announce();
    } else start();
  });
  interval.addEventListener('change', () => {
    if (!running) return;
    clearInterval(pollTimer);
    pollTimer = setInterval(() => void pollOnce(), Number(interval.value));
  });

  return () => {
    stop();
    root.remove();
  };
};

export default mount;
