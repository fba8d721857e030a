// features, point 4: a string goes out as a text frame (opcode 0x1) and comes
// back as a string; bytes go out as a binary frame (opcode 0x2) and come back
// as an ArrayBuffer, through the site's own /echo.

import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, h, liveStatus } from './kit/demo-kit.ts';
import { hexPreview } from '../runner/hex.ts';

const TEXT = 'héllo 👋';
const BYTES = Uint8Array.of(0x00, 0x01, 0x02, 0xfd, 0xfe, 0xff);
const KEEP = 6;

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'text-binary-frames');
  const root = demoRoot('text-binary-frames', t.label);
  const sendText = h('button', { type: 'button', disabled: true }, t.sendText(TEXT));
  const sendBinary = h('button', { type: 'button', disabled: true }, t.sendBinary(BYTES.length));
  const status = liveStatus();
  const log = h('ol', { class: 'demo-text-binary-frames-log', 'aria-label': t.log, 'aria-live': 'polite' });
  root.append(h('p', {}, sendText, ' ', sendBinary), status, log);
  el.append(root);

  const ws = new WebSocket(`${ctx.serverUrl}${WS_PATHS.echo}`);
  ws.binaryType = 'arraybuffer';
  status.textContent = t.connecting;
  ws.addEventListener('open', () => {
    status.textContent = t.open;
    sendText.disabled = sendBinary.disabled = false;
  });
  ws.addEventListener('close', () => {
    status.textContent = t.closed;
    sendText.disabled = sendBinary.disabled = true;
  });
  ws.addEventListener('message', (event: MessageEvent<string | ArrayBuffer>) => {
    const data = event.data;
    const item =
      typeof data === 'string'
        ? h('li', {}, t.gotText(new TextEncoder().encode(data).length), ' ', h('code', {}, JSON.stringify(data)))
        : h('li', {}, t.gotBinary(data.byteLength), ' ', h('code', {}, hexPreview(new Uint8Array(data), 16)));
    log.prepend(item);
    while (log.children.length > KEEP) log.lastElementChild?.remove();
  });
  sendText.addEventListener('click', () => ws.send(TEXT));
  sendBinary.addEventListener('click', () => ws.send(BYTES));

  return () => {
    ws.close(1000, 'demo unmounted');
    root.remove();
  };
};

export default mount;
