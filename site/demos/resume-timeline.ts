// resume lesson: two clients read the same kind of dropping /numbers stream;
// one starts again from the beginning after each drop, one resumes with
// ?since=. Every number received is drawn in order, repeats marked.

import { CloseCode } from '../../contracts/close-codes.ts';
import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, h } from './kit/demo-kit.ts';
import './part2.css';

const UNTIL = 40;
const QUERY = `until=${UNTIL}&interval=30&dropAfter=10`;
const MAX_CONNECTIONS = 12;
const RETRY_MS = 150;

interface Lane {
  strip: HTMLElement;
  summary: HTMLElement;
}

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'resume-timeline');
  const root = demoRoot('part2', t.label);
  const run = h('button', { type: 'button' }, t.run);
  const lanes = [t.restart, t.resume].map((title): Lane & { title: string } => ({
    title,
    strip: h('div', { class: 'demo-part2-strip', 'aria-label': title }),
    summary: h('p', { class: 'demo-kit-status' }),
  }));
  root.append(
    h('div', { class: 'demo-part2-controls' }, run),
    ...lanes.flatMap((l) => [h('p', {}, h('strong', {}, l.title)), l.strip, l.summary]),
  );
  el.append(root);

  const sockets = new Set<WebSocket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  function read(lane: Lane, resume: boolean): void {
    const seen = new Set<number>();
    let last = 0;
    let duplicates = 0;
    let connections = 0;
    lane.strip.replaceChildren();
    const connect = () => {
      connections++;
      const ws = new WebSocket(`${ctx.serverUrl}${WS_PATHS.numbers}?${QUERY}${resume ? `&since=${last}` : ''}`);
      sockets.add(ws);
      ws.onmessage = (e) => {
        const seq = (JSON.parse(String(e.data)) as { seq: number }).seq;
        const dup = seen.has(seq);
        if (dup) duplicates++;
        seen.add(seq);
        last = seq;
        lane.strip.append(h('span', { class: dup ? 'is-dup' : '' }, String(seq)));
      };
      ws.onclose = (e) => {
        sockets.delete(ws);
        const finished = e.code === CloseCode.Normal;
        if (!finished) lane.strip.append(h('span', { class: 'is-drop', title: t.dropped }, '×'));
        lane.summary.textContent = t.summary(connections, seen.size, UNTIL, duplicates);
        if (!finished && connections < MAX_CONNECTIONS) {
          const timer = setTimeout(() => {
            timers.delete(timer);
            connect();
          }, RETRY_MS);
          timers.add(timer);
        } else if (!finished) lane.summary.textContent += ` ${t.gaveUp}`;
      };
    };
    connect();
  }

  run.addEventListener('click', () => {
    stop();
    read(lanes[0]!, false);
    read(lanes[1]!, true);
  });

  function stop(): void {
    for (const ws of sockets) ws.close();
    sockets.clear();
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  }

  return () => {
    stop();
    root.remove();
  };
};

export default mount;
