// features, point 3: a frame header calculator (RFC 6455 rules) next to the
// overhead of one real HTTP poll of /api/weather measured in this page.

import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, formatBytes, h, resultStamp } from './kit/demo-kit.ts';
import { frameHeaderSize } from './kit/frame-header.ts';
import { requestHandshakeReport, requestHeadBytes, type ReportRequest } from './kit/handshake-report.ts';
import { responseHeadBytes } from './kit/http-head-size.ts';

const MAX_PAYLOAD = 2 ** 53 - 1;
let mounted = 0;

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'frame-overhead');
  const id = `frame-overhead-${++mounted}`;
  const root = demoRoot('frame-overhead', t.label);

  const length = h('input', { id: `${id}-length`, type: 'number', min: 0, max: MAX_PAYLOAD, step: 1, value: 100, inputmode: 'numeric' });
  const direction = h(
    'select',
    { id: `${id}-direction` },
    h('option', { value: 'browser' }, t.fromBrowser),
    h('option', { value: 'server' }, t.fromServer),
  );
  const result = h('output', { for: `${id}-length ${id}-direction`, 'aria-live': 'polite', class: 'demo-frame-overhead-result' });
  const calculator = h(
    'fieldset',
    {},
    h('legend', {}, t.calculator),
    h('label', { for: length.id }, t.length),
    length,
    ' ',
    h('label', { for: direction.id }, t.direction),
    direction,
    h('p', {}, result),
  );

  const measure = h('button', { type: 'button' }, t.measure);
  const measured = h('dl', { class: 'demo-frame-overhead-measured', 'aria-live': 'polite' });
  const stamp = resultStamp(ctx.locale);
  root.append(calculator, h('h3', {}, t.httpTitle), h('p', {}, measure), measured);
  el.append(root);

  function calculate(): void {
    const n = Number(length.value);
    if (!Number.isSafeInteger(n) || n < 0) {
      result.textContent = t.invalid;
      return;
    }
    const header = frameHeaderSize(n, direction.value === 'browser');
    result.textContent = t.frame(n, header, n === 0 ? 100 : (100 * header) / (header + n));
  }

  let current: ReportRequest | undefined;
  let aborter: AbortController | undefined;

  async function measurePoll(): Promise<void> {
    aborter?.abort();
    current?.cancel();
    const abort = (aborter = new AbortController());
    measured.replaceChildren(h('dd', {}, t.measuring));
    const url = `${ctx.httpUrl}/api/weather`;
    try {
      const res = await fetch(url, { cache: 'no-store', signal: abort.signal });
      const bodyBytes = new TextEncoder().encode(await res.text()).length;
      const responseHead = responseHeadBytes(res);
      current = requestHandshakeReport(ctx.serverUrl);
      const requestHead = requestHeadBytes(await current.report);
      const pushed = bodyBytes + frameHeaderSize(bodyBytes, false);
      const row = (term: string, detail: string) => [h('dt', {}, term), h('dd', {}, detail)];
      measured.replaceChildren(
        ...row(t.requestHead, `${formatBytes(requestHead)} — ${t.requestHeadNote}`),
        ...row(t.responseHead, formatBytes(responseHead)),
        ...row(t.body, formatBytes(bodyBytes)),
        ...row(t.pushed, t.pushedDetail(formatBytes(pushed), frameHeaderSize(bodyBytes, false))),
      );
      measured.after(stamp());
    } catch {
      if (!abort.signal.aborted) measured.replaceChildren(h('dd', {}, t.failed));
    }
  }

  length.addEventListener('input', calculate);
  direction.addEventListener('change', calculate);
  measure.addEventListener('click', () => void measurePoll());
  calculate();
  void measurePoll();

  return () => {
    aborter?.abort();
    current?.cancel();
    root.remove();
  };
};

export default mount;
