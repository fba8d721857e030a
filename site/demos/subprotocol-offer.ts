// protocol lesson: what the handshake does with the subprotocols offered.
// Offering jsonrpc-2.0 opens with it; offering only others fails the
// connection (the server picked none); offering none opens, then /rpc closes.

import { RPC_SUBPROTOCOL, WS_PATHS } from '../../contracts/endpoints.ts';
import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, h } from './kit/demo-kit.ts';
import { createSocketLog } from './kit/socket-log.ts';

const OFFERS: Array<string[] | undefined> = [[RPC_SUBPROTOCOL], ['chat'], undefined];

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'subprotocol-offer');
  const root = demoRoot('part2', t.label);
  const log = createSocketLog(t, ctx.serverUrl);
  const buttons = OFFERS.map((protocols) => {
    const label = protocols ? t.offer(protocols.join(', ')) : t.offerNone;
    const button = h('button', { type: 'button' }, label);
    button.addEventListener('click', () =>
      log.watch(label, `${ctx.serverUrl}${WS_PATHS.rpc}`, {
        protocols,
        onOpen: (ws) => {
          if (ws.protocol) ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'add', params: [2, 3] }));
        },
      }),
    );
    return button;
  });
  root.append(h('div', { class: 'demo-part2-controls' }, ...buttons), log.element);
  el.append(root);
  return () => {
    log.close();
    root.remove();
  };
};

export default mount;
