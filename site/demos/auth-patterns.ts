// auth lesson: the three patterns from this page (same origin, so the cookie
// pattern works here, unlike in the editor's sandbox), and their refusals.

import { DEMO_ACCESS_TOKEN, HTTP_PATHS, WS_PATHS } from '../../contracts/endpoints.ts';
import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, h } from './kit/demo-kit.ts';
import { createSocketLog } from './kit/socket-log.ts';

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'auth-patterns');
  const root = demoRoot('part2', t.label);
  const log = createSocketLog(t, ctx.serverUrl);
  let lastTicket = '';

  const button = (label: string, action: () => void | Promise<void>) => {
    const b = h('button', { type: 'button' }, label);
    b.addEventListener('click', () => {
      Promise.resolve(action()).catch((error: unknown) => log.note(label, String(error)));
    });
    return b;
  };
  const post = async (title: string, path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${ctx.httpUrl}${path}`, { method: 'POST', headers, credentials: 'same-origin' });
    const body = await res.text();
    log.note(title, t.http(`POST ${path}`, res.status, body.trim().slice(0, 120)));
    return { status: res.status, body };
  };

  root.append(
    h('p', {}, h('strong', {}, t.cookieTitle)),
    h(
      'div',
      { class: 'demo-part2-controls' },
      button(t.login, () => post(t.login, HTTP_PATHS.login).then(() => undefined)),
      button(t.logout, () => post(t.logout, HTTP_PATHS.logout).then(() => undefined)),
      button(t.connectCookie, () => void log.watch(t.connectCookie, `${ctx.serverUrl}${WS_PATHS.authCookie}`)),
    ),
    h('p', {}, h('strong', {}, t.ticketTitle)),
    h(
      'div',
      { class: 'demo-part2-controls' },
      button(t.fetchTicket, async () => {
        const { status, body } = await post(t.fetchTicket, HTTP_PATHS.tickets, { Authorization: `Bearer ${DEMO_ACCESS_TOKEN}` });
        if (status !== 201) return;
        lastTicket = (JSON.parse(body) as { ticket: string }).ticket;
        log.watch(t.useTicket, `${ctx.serverUrl}${WS_PATHS.authTicket}?ticket=${encodeURIComponent(lastTicket)}`);
      }),
      button(
        t.reuseTicket,
        () => void log.watch(t.reuseTicket, `${ctx.serverUrl}${WS_PATHS.authTicket}?ticket=${encodeURIComponent(lastTicket)}`),
      ),
    ),
    h('p', {}, h('strong', {}, t.messageTitle)),
    h(
      'div',
      { class: 'demo-part2-controls' },
      button(
        t.authFirst,
        () =>
          void log.watch(t.authFirst, `${ctx.serverUrl}${WS_PATHS.authMessage}`, {
            onOpen: (ws) => ws.send(JSON.stringify({ type: 'auth', token: DEMO_ACCESS_TOKEN })),
          }),
      ),
      button(
        t.helloFirst,
        () => void log.watch(t.helloFirst, `${ctx.serverUrl}${WS_PATHS.authMessage}`, { onOpen: (ws) => ws.send('hello') }),
      ),
    ),
    log.element,
  );
  el.append(root);
  return () => {
    log.close();
    root.remove();
  };
};

export default mount;
