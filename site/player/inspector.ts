// The traffic inspector: for every socket of the current run, its URL,
// readyState timeline, messages, close and bufferedAmount samples. Rendered
// from the RunRecord with textContent only (the data is the reader's).
import type { RunRecord, SocketRecord } from '../runner/run-record.ts';
import type { UiStrings } from '../i18n/index.ts';

const STATE_NAMES = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'] as const;
/** Messages rendered per socket; the export still has them all. */
const SHOWN_FRAMES = 200;
const SHOWN_SAMPLES = 30;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const ms = (time: number): string => `${Math.round(time)} ms`;

function framesTable(socket: SocketRecord, strings: UiStrings): HTMLTableElement {
  const table = el('table', undefined, 'frames');
  table.append(el('caption', `${strings.frames} (${socket.frames.length})`));
  const head = el('tr');
  for (const label of [strings.direction, 'type', 'size', 'time', 'data']) head.append(el('th', label));
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const frame of socket.frames.slice(-SHOWN_FRAMES)) {
    const row = el('tr', undefined, `frame-${frame.dir}`);
    row.append(
      el('td', frame.dir === 'out' ? '↑' : '↓'),
      el('td', frame.binaryKind ? `${frame.type} (${frame.binaryKind})` : frame.type),
      el('td', `${frame.size} B`),
      el('td', ms(frame.time)),
      el('td', frame.text ?? frame.hex ?? '', 'frame-data'),
    );
    row.title = frame.dir === 'out' ? 'sent' : 'received';
    body.append(row);
  }
  return table;
}

function socketView(socket: SocketRecord, strings: UiStrings): HTMLDetailsElement {
  const view = el('details', undefined, 'socket');
  view.open = true;
  const last = socket.states.at(-1)?.state ?? 0;
  view.append(el('summary', `#${socket.id} ${socket.url} — ${STATE_NAMES[last]}`));
  const timeline = el('p', `${strings.states}: ` + socket.states.map((s) => `${STATE_NAMES[s.state]} ${ms(s.time)}`).join(' → '), 'timeline');
  view.append(timeline);
  if (socket.close) {
    const { code, reason, wasClean, time } = socket.close;
    view.append(el('p', `${strings.closeInfo}: code ${code}${reason ? `, reason “${reason}”` : ''}, wasClean ${wasClean}, ${ms(time)}`, 'close'));
  }
  if (socket.buffered.length > 0) {
    const samples = socket.buffered.slice(-SHOWN_SAMPLES).map((b) => `${b.amount} B @ ${ms(b.time)}`);
    view.append(el('p', `${strings.buffered}: ${samples.join(', ')}`, 'buffered'));
  }
  // A scrollable region must be reachable by keyboard.
  const scroller = el('div', undefined, 'frames-scroll');
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', `${strings.frames} #${socket.id}`);
  scroller.append(framesTable(socket, strings));
  view.append(scroller);
  return view;
}

export function renderInspector(list: HTMLElement, record: RunRecord | undefined, strings: UiStrings): void {
  const openIds = new Set([...list.querySelectorAll<HTMLDetailsElement>('details.socket')].filter((d) => !d.open).map((d) => d.dataset.id));
  list.replaceChildren();
  if (!record || record.sockets.length === 0) {
    list.append(el('p', strings.inspectorEmpty, 'empty'));
    return;
  }
  for (const socket of record.sockets) {
    const view = socketView(socket, strings);
    view.dataset.id = String(socket.id);
    // Keep sockets the reader collapsed collapsed.
    if (openIds.has(view.dataset.id)) view.open = false;
    list.append(view);
  }
}

/** Downloads the run record as JSON. */
export function exportRecord(record: RunRecord, fileName: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(record, null, 2)], { type: 'application/json' }));
  const link = el('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
