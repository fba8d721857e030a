// The traffic inspector: for every socket of the current run, its URL,
// readyState timeline, messages, close and bufferedAmount samples. Rendered
// from the RunRecord with textContent only (the data is the reader's), and
// incrementally: each pass adds a bounded number of sockets and rows and
// says whether more work is left, so a run with many sockets or messages never
// holds the page for long.
import type { FrameRecord, RunRecord, SocketRecord } from '../runner/run-record.ts';
import type { UiStrings } from '../i18n/index.ts';

const STATE_NAMES = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'] as const;
/** Messages shown per socket (the newest); the export still has all the record kept. */
const SHOWN_FRAMES = 200;
const SHOWN_SAMPLES = 30;
/** Work per pass: new sockets, and new message rows across sockets. */
const SOCKETS_PER_PASS = 20;
const ROWS_PER_PASS = 200;
/** Characters of a message shown before its "show more". */
const PREVIEW_CHARS = 240;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const ms = (time: number): string => `${Math.round(time)} ms`;

function setText(node: HTMLElement, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** The message's data cell: its first characters, and the rest the record kept behind a button. */
function dataCell(frame: FrameRecord, strings: UiStrings): HTMLTableCellElement {
  const full = frame.text ?? frame.hex ?? '';
  const cell = el('td', undefined, 'frame-data');
  if (full.length <= PREVIEW_CHARS) {
    cell.textContent = full;
    return cell;
  }
  const shown = el('span', `${full.slice(0, PREVIEW_CHARS)}…`);
  const more = el('button', strings.showMore, 'show-more');
  more.type = 'button';
  more.addEventListener('click', () => {
    shown.textContent = full;
    more.remove();
  });
  cell.append(shown, ' ', more);
  return cell;
}

function frameRow(frame: FrameRecord, strings: UiStrings): HTMLTableRowElement {
  const row = el('tr', undefined, `frame-${frame.dir}`);
  row.append(
    el('td', frame.dir === 'out' ? '↑' : '↓'),
    el('td', frame.binaryKind ? `${frame.type} (${frame.binaryKind})` : frame.type),
    el('td', `${frame.size} B`),
    el('td', ms(frame.time)),
    dataCell(frame, strings),
  );
  row.title = frame.dir === 'out' ? 'sent' : 'received';
  return row;
}

class SocketView {
  readonly root = el('details', undefined, 'socket');
  readonly #summary = el('summary');
  readonly #timeline = el('p', undefined, 'timeline');
  readonly #close = el('p', undefined, 'close');
  readonly #buffered = el('p', undefined, 'buffered');
  readonly #caption = el('caption');
  readonly #body: HTMLTableSectionElement;
  #rendered = 0;

  constructor(
    readonly socket: SocketRecord,
    readonly strings: UiStrings,
  ) {
    this.root.open = true;
    this.root.dataset.id = String(socket.id);
    this.#close.hidden = true;
    this.#buffered.hidden = true;
    const table = el('table', undefined, 'frames');
    table.append(this.#caption);
    const head = el('tr');
    for (const label of [strings.direction, 'type', 'size', 'time', 'data']) head.append(el('th', label));
    table.createTHead().append(head);
    this.#body = table.createTBody();
    // A scrollable region must be reachable by keyboard.
    const scroller = el('div', undefined, 'frames-scroll');
    scroller.tabIndex = 0;
    scroller.setAttribute('role', 'region');
    scroller.setAttribute('aria-label', `${strings.frames} #${socket.id}`);
    scroller.append(table);
    this.root.append(this.#summary, this.#timeline, this.#close, this.#buffered, scroller);
  }

  /** Brings the view up to date, adding at most `rows` message rows; returns how many it added. */
  update(rows: number): number {
    const { socket, strings } = this;
    const last = socket.states.at(-1)?.state ?? 0;
    setText(this.#summary, `#${socket.id} ${socket.url} — ${STATE_NAMES[last]}`);
    setText(this.#timeline, `${strings.states}: ` + socket.states.map((s) => `${STATE_NAMES[s.state]} ${ms(s.time)}`).join(' → '));
    if (socket.close) {
      const { code, reason, wasClean, time } = socket.close;
      this.#close.hidden = false;
      setText(this.#close, `${strings.closeInfo}: code ${code}${reason ? `, reason “${reason}”` : ''}, wasClean ${wasClean}, ${ms(time)}`);
    }
    if (socket.buffered.length > 0) {
      const samples = socket.buffered.slice(-SHOWN_SAMPLES).map((b) => `${b.amount} B @ ${ms(b.time)}`);
      this.#buffered.hidden = false;
      setText(this.#buffered, `${strings.buffered}: ${samples.join(', ')}`);
    }
    const dropped = socket.framesDropped ? `, ${strings.notKept.replace('{count}', String(socket.framesDropped))}` : '';
    setText(this.#caption, `${strings.frames} (${socket.frames.length}${dropped})`);
    // Only the newest SHOWN_FRAMES can stay: skip older ones not drawn yet.
    this.#rendered = Math.max(this.#rendered, socket.frames.length - SHOWN_FRAMES);
    const next = socket.frames.slice(this.#rendered, this.#rendered + rows);
    if (next.length === 0) return 0;
    const fragment = document.createDocumentFragment();
    for (const frame of next) fragment.append(frameRow(frame, strings));
    this.#body.append(fragment);
    this.#rendered += next.length;
    while (this.#body.rows.length > SHOWN_FRAMES) this.#body.rows[0]?.remove();
    return next.length;
  }

  get behind(): boolean {
    return this.#rendered < this.socket.frames.length;
  }
}

export interface Inspector {
  /** Draws one bounded pass of `record`; returns true while there is more to draw. */
  render(record: RunRecord | undefined): boolean;
}

export function createInspector(list: HTMLElement, strings: UiStrings): Inspector {
  let shown: RunRecord | undefined;
  const views: SocketView[] = [];
  const empty = el('p', strings.inspectorEmpty, 'empty');
  list.replaceChildren(empty);

  return {
    render(record) {
      if (record !== shown) {
        shown = record;
        views.length = 0;
        list.replaceChildren(empty);
      }
      const sockets = record?.sockets ?? [];
      empty.hidden = sockets.length > 0;
      const fresh = sockets.slice(views.length, views.length + SOCKETS_PER_PASS).map((s) => new SocketView(s, strings));
      if (fresh.length > 0) {
        list.append(...fresh.map((v) => v.root));
        views.push(...fresh);
      }
      let rows = ROWS_PER_PASS;
      for (const view of views) rows -= view.update(Math.max(0, rows));
      return views.length < sockets.length || views.some((v) => v.behind);
    },
  };
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
