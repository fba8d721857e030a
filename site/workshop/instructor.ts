// The instructor page: a live view of the workshop from the admin socket, and
// the form that pushes an announcement to every participant's page.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { AdminReply as Reply, WorkshopSnapshot as Snapshot } from '../../contracts/workshop.ts';
import { webSocketBase } from '../page/server-url.ts';

const RETRY_MS = 2000;

function setText(root: ParentNode, selector: string, text: string): void {
  const el = root.querySelector(selector);
  if (el) el.textContent = text;
}

function renderSnapshot(root: HTMLElement, s: Snapshot): void {
  setText(root, '[data-participants]', String(s.participants));
  setText(root, '[data-reporting]', String(s.reporting));
  setText(root, '[data-instances]', String(s.instances));
  for (const row of root.querySelectorAll<HTMLElement>('[data-lesson-row]')) {
    const passed = s.passed[row.dataset.lessonRow ?? ''] ?? 0;
    setText(row, '[data-passed]', String(passed));
    const meter = row.querySelector('meter');
    if (meter) {
      meter.max = Math.max(1, s.reporting);
      meter.value = passed;
    }
  }
  const rooms = root.querySelector('[data-rooms]');
  if (!rooms) return;
  rooms.replaceChildren(
    ...s.rooms.map(({ room, count }) => {
      const row = document.createElement('tr');
      const name = document.createElement('td');
      name.textContent = room;
      const size = document.createElement('td');
      size.textContent = String(count);
      row.append(name, size);
      return row;
    }),
  );
  root.querySelector<HTMLElement>('[data-no-rooms]')?.toggleAttribute('hidden', s.rooms.length > 0);
}

export function startInstructorPage(root: HTMLElement): void {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  // The other language's instructor page needs the token too.
  const languageLink = document.querySelector<HTMLAnchorElement>('.lang-switch');
  if (languageLink) languageLink.href = languageLink.pathname + location.search;
  const url = `${webSocketBase()}${WS_PATHS.admin}?token=${encodeURIComponent(token)}`;
  const status = root.querySelector<HTMLElement>('[data-connection]');
  const form = root.querySelector<HTMLFormElement>('[data-announce-form]');
  const result = root.querySelector<HTMLElement>('[data-announce-result]');
  let socket: WebSocket;

  const connect = () => {
    socket = new WebSocket(url);
    socket.onopen = () => {
      if (status) status.dataset.connection = 'open';
    };
    socket.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as Snapshot | Reply;
      if (message.type === 'snapshot') renderSnapshot(root, message);
      else if (result) {
        result.dataset.state = message.type;
        result.textContent =
          message.type === 'announced' ? `${result.dataset.sentLabel ?? ''} ${message.text ?? ''}` : (message.message ?? '');
      }
    };
    socket.onclose = () => {
      if (status) status.dataset.connection = 'closed';
      setTimeout(connect, RETRY_MS);
    };
  };
  connect();

  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const field = form.querySelector('textarea');
    const text = field?.value.trim() ?? '';
    if (!text || socket.readyState !== WebSocket.OPEN) return;
    socket.send(JSON.stringify({ type: 'announce', text }));
    if (field) field.value = '';
  });
}
