// auth lesson: the three patterns from this page (same origin, so the cookie
// pattern works here, unlike in the editor's sandbox), and their refusals.

import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, h } from './kit/demo-kit.ts';
import { createSocketLog } from './kit/socket-log.ts';

const TOKEN = 'demo-token';

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
    h('div', { class: 'demo-part2-controls' },
      button(t.login, () => post(t.login, '/auth/login').then(() => undefined)),
      button(t.logout, () => post(t.logout, '/auth/logout').then(() => undefined)),
      button(t.connectCookie, () => void log.watch(t.connectCookie, `${ctx.serverUrl}/auth/cookie`)),
    ),
    h('p', {}, h('strong', {}, t.ticketTitle)),
    h('div', { class: 'demo-part2-controls' },
      button(t.fetchTicket, async () => {
        const { status, body } = await post(t.fetchTicket, '/auth/tickets', { Authorization: `Bearer ${TOKEN}` });
        if (status !== 201) return;
        lastTicket = (JSON.parse(body) as { ticket: string }).ticket;
        log.watch(t.useTicket, `${ctx.serverUrl}/auth/ticket?ticket=${encodeURIComponent(lastTicket)}`);
      }),
      button(t.reuseTicket, () => void log.watch(t.reuseTicket, `${ctx.serverUrl}/auth/ticket?ticket=${encodeURIComponent(lastTicket)}`)),
    ),
    h('p', {}, h('strong', {}, t.messageTitle)),
    h('div', { class: 'demo-part2-controls' },
      button(t.authFirst, () => void log.watch(t.authFirst, `${ctx.serverUrl}/auth/message`, { onOpen: (ws) => ws.send(JSON.stringify({ type: 'auth', token: TOKEN })) })),
      button(t.helloFirst, () => void log.watch(t.helloFirst, `${ctx.serverUrl}/auth/message`, { onOpen: (ws) => ws.send('hello') })),
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
