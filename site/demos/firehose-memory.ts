// backpressure lesson: reads 32 MiB from /firehose with a handler that takes
// 4 ms per message, with WebSocket (everything piles up in the page) or with
// WebSocketStream (the browser reads only when asked), and shows how many
// messages waited in the page at most.

import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, formatBytes, h, liveStatus } from './kit/demo-kit.ts';
import './part2.css';

const SIZE = 64 * 1024;
const URL_QUERY = `bytes=${32 * 1024 * 1024}&size=${SIZE}`;
const WORK_MS = 4;

interface StreamLike {
  opened: Promise<{ readable: ReadableStream<ArrayBuffer | string> }>;
  close(): void;
}
type StreamConstructor = new (url: string) => StreamLike;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'firehose-memory');
  const root = demoRoot('part2', t.label);
  const Stream = (globalThis as { WebSocketStream?: StreamConstructor }).WebSocketStream;
  const classic = h('button', { type: 'button' }, t.classic);
  const stream = h('button', { type: 'button', disabled: !Stream }, t.stream);
  const status = liveStatus();
  const body = h('tbody', {});
  root.append(
    h('div', { class: 'demo-part2-controls' }, classic, stream),
    Stream ? '' : h('p', {}, t.noStream),
    status,
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t.api), h('th', {}, t.peak), h('th', {}, t.handled), h('th', {}, t.time))), body),
  );
  el.append(root);

  let cancel = () => {};
  const url = `${ctx.serverUrl}${WS_PATHS.firehose}?${URL_QUERY}`;
  const progress = (handled: number, waiting: number) => (status.textContent = t.progress(handled, waiting, formatBytes(waiting * SIZE)));
  const finish = (api: string, peak: number, handled: number, started: number) => {
    const ms = Math.round(performance.now() - started);
    body.prepend(
      h(
        'tr',
        {},
        h('td', {}, api),
        h('td', {}, t.peakValue(peak, formatBytes(peak * SIZE))),
        h('td', {}, String(handled)),
        h('td', {}, t.ms(ms)),
      ),
    );
    status.textContent = t.done;
    classic.disabled = false;
    stream.disabled = !Stream;
  };
  const begin = () => {
    cancel();
    classic.disabled = stream.disabled = true;
    return performance.now();
  };

  classic.addEventListener('click', async () => {
    const started = begin();
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    const queue: Array<ArrayBuffer | string> = [];
    let open = true;
    let peak = 0;
    ws.onmessage = (e) => {
      queue.push(e.data as ArrayBuffer | string);
      peak = Math.max(peak, queue.length);
    };
    ws.onclose = () => (open = false);
    cancel = () => ws.close();
    let handled = 0;
    while (open || queue.length > 0) {
      const message = queue.shift();
      if (message === undefined) {
        await sleep(5);
        continue;
      }
      if (typeof message === 'string') continue; // the server's closing report
      handled++;
      await sleep(WORK_MS);
      progress(handled, queue.length);
    }
    finish('WebSocket', peak, handled, started);
  });

  stream.addEventListener('click', async () => {
    if (!Stream) return;
    const started = begin();
    const wss = new Stream(url);
    cancel = () => wss.close();
    const reader = (await wss.opened).readable.getReader();
    let handled = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (typeof value === 'string') continue;
      handled++;
      await sleep(WORK_MS);
      progress(handled, 1);
    }
    finish('WebSocketStream', 1, handled, started);
  });

  return () => {
    cancel();
    root.remove();
  };
};

export default mount;
