// The handshake lesson's demo: this page (not the sandbox) opens /handshake,
// shows the Upgrade request exactly as the server received it, and recomputes
// Sec-WebSocket-Accept here to compare with the server's answer.

import { WEBSOCKET_GUID, type HandshakeReport } from '../../contracts/handshake.ts';
import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, h, liveStatus } from './kit/demo-kit.ts';
import { headerValue, NoReportError, requestHandshakeReport, type ReportRequest } from './kit/handshake-report.ts';

/** Headers the lesson talks about; their rows are highlighted. */
const NOTABLE = new Set(['connection', 'upgrade', 'origin', 'sec-websocket-version', 'sec-websocket-key', 'sec-websocket-extensions']);

/** base64(SHA-1(key + GUID)), or null where crypto.subtle is hidden (not a secure context). */
async function acceptFor(key: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(key + WEBSOCKET_GUID));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'handshake-viewer');
  const root = demoRoot('handshake-viewer', t.label);
  const status = liveStatus();
  const again = h('button', { type: 'button', disabled: true }, t.again);
  const requestLine = h('code', { class: 'demo-handshake-viewer-line' });
  const rows = h('tbody');
  const table = h(
    'table',
    { class: 'demo-handshake-viewer-headers' },
    h('caption', {}, t.caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.name), h('th', { scope: 'col' }, t.value))),
    rows,
  );
  const verdict = h('dl', { class: 'demo-handshake-viewer-verdict' });
  root.append(h('p', {}, again), status, h('p', {}, requestLine), table, verdict);
  el.append(root);

  let current: ReportRequest | undefined;

  function show(report: HandshakeReport, computed: string | null): void {
    const { method, path, httpVersion, headers } = report.request;
    requestLine.textContent = `${method} ${path} HTTP/${httpVersion}`;
    rows.replaceChildren(
      ...headers.map(([name, value]) =>
        h(
          'tr',
          { class: NOTABLE.has(name.toLowerCase()) ? 'is-notable' : undefined },
          h('th', { scope: 'row' }, name),
          h('td', {}, h('code', {}, value)),
        ),
      ),
    );
    const pair = (term: string, detail: string) => [h('dt', {}, term), h('dd', {}, h('code', {}, detail))];
    verdict.replaceChildren(...pair(t.serverAccept, report.accept), ...pair(t.pageAccept, computed ?? t.noSubtle));
    status.textContent = computed === null ? t.noSubtle : computed === report.accept ? t.match : t.mismatch;
  }

  async function connect(): Promise<void> {
    current?.cancel();
    const request = requestHandshakeReport(ctx.serverUrl);
    current = request;
    again.disabled = true;
    status.textContent = t.connecting;
    try {
      const report = await request.report;
      const computed = await acceptFor(headerValue(report, 'sec-websocket-key') ?? '');
      if (current === request) show(report, computed);
    } catch (error) {
      const code = error instanceof NoReportError ? error.closeCode : undefined;
      if (current === request) status.textContent = code === undefined ? t.badReport : t.failed(code);
    } finally {
      if (current === request) again.disabled = false;
    }
  }

  again.addEventListener('click', () => void connect());
  void connect();

  return () => {
    current?.cancel();
    current = undefined;
    root.remove();
  };
};

export default mount;
