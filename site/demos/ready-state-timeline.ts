// The ready-state lesson's demo: plays four connection stories against the
// serving host and lists every readyState change with its time and the event
// that came with it. CLOSING has no event, so the state is also sampled.

import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, h, liveStatus } from './kit/demo-kit.ts';

const NAMES = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'] as const;
const SAMPLE_MS = 4;
const CLIENT_CLOSE_AFTER_MS = 1000;

type Story = 'client' | 'early' | 'refused' | 'server';
const STORIES: Story[] = ['client', 'early', 'refused', 'server'];

/** The path each story connects to; 'refused' uses one the server answers with 404. */
function pathFor(story: Story): string {
  if (story === 'refused') return '/no-such-endpoint';
  if (story === 'server') return '/close?delay=1000&code=4000&reason=server%20says%20bye';
  return WS_PATHS.echo;
}

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'ready-state-timeline');
  const root = demoRoot('ready-state-timeline', t.label);
  const buttons = STORIES.map((story) => h('button', { type: 'button', 'data-story': story }, t.stories[story]));
  const chips = NAMES.map((name, state) => h('li', { class: 'demo-ready-state-timeline-chip' }, `${state} ${name}`));
  const lane = h('ol', { class: 'demo-ready-state-timeline-lane', 'aria-label': t.lane }, ...chips);
  const status = liveStatus();
  const rows = h('ol', { class: 'demo-ready-state-timeline-rows', 'aria-label': t.rows });
  root.append(h('p', { class: 'demo-ready-state-timeline-stories' }, ...buttons), lane, status, rows);
  el.append(root);

  let ws: WebSocket | undefined;
  let sampler: ReturnType<typeof setInterval> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;

  function stop(): void {
    clearInterval(sampler);
    clearTimeout(closeTimer);
    ws?.close();
    ws = undefined;
  }

  function play(story: Story): void {
    stop();
    rows.replaceChildren();
    const started = performance.now();
    const socket = new WebSocket(`${ctx.serverUrl}${pathFor(story)}`);
    ws = socket;
    let shown = -1;

    // Events of a socket from an earlier story may still arrive; ignore them.
    const row = (text: string, kind: 'state' | 'event') => {
      if (ws !== socket) return;
      const ms = Math.round(performance.now() - started);
      rows.append(h('li', { class: `is-${kind}` }, h('span', { class: 'demo-ready-state-timeline-time' }, `${ms} ms`), ' ', text));
    };
    // Records a state change once, however it was noticed (event, call or sample).
    const note = (how: string) => {
      const state = socket.readyState;
      if (state === shown || ws !== socket) return;
      shown = state;
      row(`${state} ${NAMES[state]} — ${how}`, 'state');
      chips.forEach((chip, i) => (i === state ? chip.setAttribute('aria-current', 'step') : chip.removeAttribute('aria-current')));
      status.textContent = t.now(NAMES[state] ?? String(state));
    };
    const callClose = () => {
      socket.close(1000, 'timeline demo');
      note(t.viaCall);
    };

    note(t.viaConstructor);
    sampler = setInterval(() => note(t.viaSample), SAMPLE_MS);
    socket.addEventListener('open', () => {
      note(t.viaEvent('open'));
      if (story === 'client') closeTimer = setTimeout(callClose, CLIENT_CLOSE_AFTER_MS);
    });
    socket.addEventListener('error', () => {
      row(t.errorEvent, 'event');
      note(t.viaEvent('error'));
    });
    socket.addEventListener('close', (event) => {
      note(t.viaEvent('close'));
      row(t.closeEvent(event.code, event.reason, event.wasClean), 'event');
      clearInterval(sampler);
    });
    if (story === 'early') callClose();
  }

  buttons.forEach((button, i) => button.addEventListener('click', () => play(STORIES[i]!)));

  return () => {
    stop();
    root.remove();
  };
};

export default mount;
