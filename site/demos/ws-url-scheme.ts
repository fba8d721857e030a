// features, point 6: the ws:// or wss:// URL follows from the page's own
// scheme; current browsers also take a relative URL and resolve it the same way.

import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, h, liveStatus } from './kit/demo-kit.ts';

/** The WebSocket URL for `path` on the page's host: wss: for an https: page, ws: otherwise. */
export function webSocketUrlFor(page: URL, path: string): string {
  const url = new URL(path, page);
  url.protocol = page.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'ws-url-scheme');
  const root = demoRoot('ws-url-scheme', t.label);
  const page = new URL(location.href);
  const facts = h('dl', { class: 'demo-ws-url-scheme-facts' });
  const row = (term: string, detail: string) => facts.append(h('dt', {}, term), h('dd', {}, h('code', {}, detail)));
  row(t.pageScheme, page.protocol);
  row(t.derived, webSocketUrlFor(page, WS_PATHS.echo));
  const tryRelative = h('button', { type: 'button' }, t.tryRelative);
  const status = liveStatus();
  root.append(facts, h('p', {}, tryRelative), status);
  el.append(root);

  let ws: WebSocket | undefined;
  tryRelative.addEventListener('click', () => {
    ws?.close();
    try {
      const socket = (ws = new WebSocket(WS_PATHS.echo));
      status.textContent = t.resolved(socket.url);
      socket.addEventListener('open', () => {
        status.textContent = t.opened(socket.url);
        socket.close(1000, 'demo done');
      });
    } catch (error) {
      status.textContent = t.refused(error instanceof Error ? error.name : String(error));
    }
  });

  return () => {
    ws?.close();
    root.remove();
  };
};

export default mount;
