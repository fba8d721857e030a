// The errors lesson's demo: three real failures against the serving host
// (a handshake refused with 404, a server close with a chosen code, an
// oversize message answered with 1009), each socket's events listed in order.

import { DEFAULT_MAX_PAYLOAD } from '../../contracts/limits.ts';
import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, h } from './kit/demo-kit.ts';

const CODES = [1000, 1001, 1008, 1011, 1013, 4000];
/** One byte over the server's default message limit (16 MiB). */
const OVERSIZE = DEFAULT_MAX_PAYLOAD + 1;

let mounted = 0;

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'error-lab');
  const id = `error-lab-${++mounted}`;
  const root = demoRoot('error-lab', t.label);
  const log = h('ol', { class: 'demo-error-lab-log', 'aria-live': 'polite', 'aria-label': t.log });
  const sockets = new Set<WebSocket>();

  /** Opens a socket and writes each of its events into the log as it happens. */
  function watch(title: string, url: string, onOpen?: (ws: WebSocket) => void): void {
    const started = performance.now();
    const events = h('ul', {});
    log.prepend(h('li', {}, h('strong', {}, title), ' ', h('code', {}, decodeURIComponent(url.replace(ctx.serverUrl, ''))), events));
    while (log.children.length > 5) log.lastElementChild?.remove();
    const note = (text: string, kind: string) =>
      events.append(h('li', { class: `is-${kind}` }, `${Math.round(performance.now() - started)} ms · ${text}`));

    const ws = new WebSocket(url);
    sockets.add(ws);
    ws.addEventListener('open', () => {
      note(t.open, 'open');
      onOpen?.(ws);
    });
    ws.addEventListener('error', () => note(t.error, 'error'));
    ws.addEventListener('close', (e) => {
      sockets.delete(ws);
      note(t.close(e.code, e.reason, e.wasClean), 'close');
    });
  }

  const refuse = h('button', { type: 'button' }, t.refuse);
  refuse.addEventListener('click', () => watch(t.refuseTitle, `${ctx.serverUrl}/no-such-endpoint`));

  const code = h('select', { id: `${id}-code` }, ...CODES.map((c) => h('option', { value: c }, String(c))));
  const reason = h('input', { id: `${id}-reason`, type: 'text', value: t.defaultReason, maxlength: 40 });
  const closeBtn = h('button', { type: 'button' }, t.closeButton);
  closeBtn.addEventListener('click', () => {
    const query = new URLSearchParams({ code: code.value, reason: reason.value });
    watch(t.closeTitle(code.value), `${ctx.serverUrl}${WS_PATHS.close}?${query}`);
  });

  const oversize = h('button', { type: 'button' }, t.oversize);
  oversize.addEventListener('click', () =>
    watch(t.oversizeTitle, `${ctx.serverUrl}${WS_PATHS.echo}`, (ws) => {
      ws.send(new Uint8Array(OVERSIZE));
    }),
  );

  root.append(
    h(
      'div',
      { class: 'demo-error-lab-controls' },
      h('p', {}, refuse),
      h(
        'p',
        {},
        h('label', { for: `${id}-code` }, t.codeLabel),
        ' ',
        code,
        ' ',
        h('label', { for: `${id}-reason` }, t.reasonLabel),
        ' ',
        reason,
        ' ',
        closeBtn,
      ),
      h('p', {}, oversize),
    ),
    log,
  );
  el.append(root);

  return () => {
    for (const ws of sockets) ws.close();
    sockets.clear();
    root.remove();
  };
};

export default mount;
