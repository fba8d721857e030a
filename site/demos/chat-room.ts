// The servers lesson's demo: the /chat room everyone on this server joins.
// History first, then live messages and join/leave notices with the count.

import { WS_PATHS } from '../../contracts/endpoints.ts';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH, type ChatEvent } from '../../contracts/chat.ts';
import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, h, liveStatus } from './kit/demo-kit.ts';

const ROOM = 'lobby';
const MAX_SHOWN = 100;

let mounted = 0;

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'chat-room');
  const id = `chat-room-${++mounted}`;
  const root = demoRoot('chat-room', t.label);
  const count = h('output', { class: 'demo-chat-room-count', 'aria-live': 'polite' }, t.count(0));
  const status = liveStatus();
  // A log region (not a list: lists may not take role="log"), newest last.
  const list = h('div', { class: 'demo-chat-room-messages', role: 'log', 'aria-label': t.messages, 'aria-live': 'polite' });
  const nameInput = h('input', {
    id: `${id}-name`,
    type: 'text',
    maxlength: MAX_NAME_LENGTH,
    value: `${t.defaultName}-${Math.floor(Math.random() * 1000)}`,
  });
  const join = h('button', { type: 'submit' }, t.join);
  const textInput = h('input', { id: `${id}-text`, type: 'text', maxlength: MAX_TEXT_LENGTH, disabled: true, autocomplete: 'off' });
  const send = h('button', { type: 'submit', disabled: true }, t.send);
  const joinForm = h('form', { class: 'demo-chat-room-join' }, h('label', { for: `${id}-name` }, t.name), ' ', nameInput, ' ', join);
  const sendForm = h('form', { class: 'demo-chat-room-send' }, h('label', { for: `${id}-text` }, t.text), ' ', textInput, ' ', send);

  root.append(h('p', {}, t.room(ROOM), ' · ', count), joinForm, list, sendForm, status);
  el.append(root);

  let ws: WebSocket | null = null;

  function show(who: string, text: string, kind: 'message' | 'notice', time: string): void {
    const when = new Date(time).toLocaleTimeString(ctx.locale === 'zh' ? 'zh-CN' : 'en');
    const item = h('p', { class: `is-${kind}` }, h('time', { datetime: time }, when), ' ');
    if (kind === 'message') item.append(h('strong', {}, who), ': ', text);
    else item.append(text);
    list.append(item);
    while (list.children.length > MAX_SHOWN) list.firstElementChild?.remove();
    list.scrollTop = list.scrollHeight;
  }

  function setJoined(joined: boolean): void {
    textInput.disabled = send.disabled = !joined;
    nameInput.disabled = joined;
    join.textContent = joined ? t.leave : t.join;
  }

  function connect(): void {
    const query = new URLSearchParams({ room: ROOM, name: nameInput.value.trim() });
    const socket = new WebSocket(`${ctx.serverUrl}${WS_PATHS.chat}?${query}`);
    ws = socket;
    status.textContent = t.connecting;
    socket.addEventListener('open', () => {
      status.textContent = t.joined;
      setJoined(true);
      textInput.focus();
    });
    socket.addEventListener('message', (event) => {
      const msg = JSON.parse(String(event.data)) as ChatEvent;
      if (msg.type === 'history') {
        list.replaceChildren();
        for (const m of msg.messages) show(m.name, m.text, 'message', m.time);
      } else if (msg.type === 'message') {
        show(msg.name, msg.text, 'message', msg.time);
      } else if (msg.type === 'join' || msg.type === 'leave') {
        count.textContent = t.count(msg.count);
        show(msg.name, msg.type === 'join' ? t.joinedNotice(msg.name) : t.leftNotice(msg.name), 'notice', msg.time);
      }
    });
    socket.addEventListener('close', (event) => {
      if (ws === socket) ws = null;
      setJoined(false);
      status.textContent = t.closed(event.code, event.reason);
    });
  }

  joinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (ws) ws.close(1000, 'left the room');
    else connect();
  });
  sendForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = textInput.value.trim();
    if (!text || ws?.readyState !== WebSocket.OPEN) return;
    ws.send(text);
    textInput.value = '';
  });

  return () => {
    ws?.close(1000, 'demo unmounted');
    root.remove();
  };
};

export default mount;
