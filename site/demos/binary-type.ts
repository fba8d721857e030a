// The send lesson's demo: the same 16 bytes echoed by /echo arrive as a Blob
// or an ArrayBuffer depending on the socket's binaryType, switchable live.

import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, h, liveStatus } from './kit/demo-kit.ts';
import { hexPreview } from '../runner/hex.ts';

const PAYLOAD = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
const TYPES = ['blob', 'arraybuffer'] as const;
let mounted = 0;

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'binary-type');
  const root = demoRoot('binary-type', t.label);
  const status = liveStatus();
  const send = h('button', { type: 'button', disabled: true }, t.send);
  // Radio groups are per name; each mounted copy needs its own.
  const group = `binary-type-${++mounted}`;
  const radios = TYPES.map((type, i) => h('input', { type: 'radio', name: group, value: type, checked: i === 0 }));
  const fieldset = h('fieldset', {}, h('legend', {}, t.legend), ...radios.map((r) => h('label', {}, r, ` "${r.value}"`)));
  const log = h('ol', { class: 'demo-binary-type-log', 'aria-label': t.log, 'aria-live': 'polite' });
  root.append(fieldset, h('p', {}, send), status, log);
  el.append(root);

  const ws = new WebSocket(`${ctx.serverUrl}${WS_PATHS.echo}`);
  status.textContent = t.connecting;
  ws.addEventListener('open', () => {
    status.textContent = t.open;
    send.disabled = false;
  });
  ws.addEventListener('close', () => {
    status.textContent = t.closed;
    send.disabled = true;
  });
  ws.addEventListener('message', async (event: MessageEvent<Blob | ArrayBuffer>) => {
    const data = event.data;
    const item = h('li', { class: data instanceof Blob ? 'is-blob' : 'is-buffer' });
    if (data instanceof Blob) {
      item.append(t.receivedBlob(data.size), ' ', h('code', {}, hexPreview(new Uint8Array(await data.arrayBuffer()), 16)));
    } else {
      item.append(t.receivedBuffer(data.byteLength), ' ', h('code', {}, hexPreview(new Uint8Array(data), 16)));
    }
    log.prepend(item);
    while (log.children.length > 6) log.lastElementChild?.remove();
  });

  fieldset.addEventListener('change', () => {
    ws.binaryType = radios.find((r) => r.checked)?.value === 'arraybuffer' ? 'arraybuffer' : 'blob';
  });
  send.addEventListener('click', () => ws.send(PAYLOAD));

  return () => {
    ws.close(1000, 'demo unmounted');
    root.remove();
  };
};

export default mount;
