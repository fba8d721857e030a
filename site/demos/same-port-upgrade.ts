// features, point 2: one port speaks both HTTP and WebSocket. A plain GET on
// /echo is answered 426; an Upgrade request on the same host and port is
// answered 101, and the server reports the Host header it received. Only on
// click: the 426 shows in DevTools as a red failed request, which the demo's
// text explains, and a reader should not meet it on every visit.

import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, h, liveStatus, resultStamp } from './kit/demo-kit.ts';
import { headerValue, requestHandshakeReport, type ReportRequest } from './kit/handshake-report.ts';

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'same-port-upgrade');
  const root = demoRoot('same-port-upgrade', t.label);
  const again = h('button', { type: 'button' }, t.start);
  const status = liveStatus();
  const results = h('dl', { class: 'demo-same-port-upgrade-results' });
  const stamp = resultStamp(ctx.locale);
  root.append(h('p', {}, t.page, ' ', h('code', {}, ctx.httpUrl)), h('p', {}, t.expected), h('p', {}, again), status, results);
  el.append(root);

  let current: ReportRequest | undefined;
  let aborter: AbortController | undefined;

  const show = (term: string, detail: string) => results.append(h('dt', {}, term), h('dd', {}, h('code', {}, detail)));

  async function run(): Promise<void> {
    current?.cancel();
    aborter?.abort();
    const abort = (aborter = new AbortController());
    results.replaceChildren();
    again.textContent = t.again;
    status.textContent = t.working;
    try {
      const res = await fetch(`${ctx.httpUrl}/echo`, { cache: 'no-store', signal: abort.signal });
      show(t.plainGet, `GET /echo → ${res.status} ${res.statusText}`);
      const request = (current = requestHandshakeReport(ctx.serverUrl));
      const report = await request.report;
      show(
        t.upgrade,
        `${report.request.method} ${report.request.path} HTTP/${report.request.httpVersion} + Upgrade: ${headerValue(report, 'upgrade') ?? '?'} → 101 Switching Protocols`,
      );
      const host = headerValue(report, 'host') ?? '';
      show(t.host, host);
      status.textContent = host === new URL(ctx.httpUrl).host ? t.samePort : t.otherPort;
      results.after(stamp());
    } catch {
      if (!abort.signal.aborted) status.textContent = t.failed;
    }
  }

  again.addEventListener('click', () => void run());

  return () => {
    aborter?.abort();
    current?.cancel();
    root.remove();
  };
};

export default mount;
