// A WebSocket subclass that behaves exactly like the browser's own but
// reports everything it does (states, events, frames, close,
// bufferedAmount) as run events. Installed as the worker's `WebSocket`.
import { bytesOf, hexPreview } from './hex.ts';
import type { RunEvent } from './protocol.ts';
import type { FrameRecord, ReadyState } from './run-record.ts';
import { MAX_FRAMES_PER_SOCKET } from './record.ts';

const TEXT_LIMIT = 1024;
const HEX_LIMIT = 256;
const SAMPLE_EVERY_MS = 16;

export interface SocketObserver {
  emit(event: RunEvent): void;
  /** Milliseconds since the run started. */
  now(): number;
  /** Called whenever a socket's readyState may have changed. */
  changed(): void;
}

type Payload = string | ArrayBufferLike | Blob | ArrayBufferView;

const encoder = new TextEncoder();

async function describe(data: Payload, dir: FrameRecord['dir'], time: number): Promise<FrameRecord> {
  if (typeof data === 'string') {
    return { dir, type: 'text', size: encoder.encode(data).length, time, text: data.slice(0, TEXT_LIMIT) };
  }
  if (data instanceof Blob) {
    const head = new Uint8Array(await data.slice(0, HEX_LIMIT).arrayBuffer());
    return { dir, type: 'binary', size: data.size, time, hex: hexPreview(head, HEX_LIMIT), binaryKind: 'Blob' };
  }
  const bytes = bytesOf(data as ArrayBuffer | ArrayBufferView);
  const kind = ArrayBuffer.isView(data) ? data.constructor.name : 'ArrayBuffer';
  return { dir, type: 'binary', size: bytes.byteLength, time, hex: hexPreview(bytes, HEX_LIMIT), binaryKind: kind };
}

export function observedWebSocketClass(Native: typeof WebSocket, observer: SocketObserver) {
  let nextId = 1;
  const live: ObservedWebSocket[] = [];

  class ObservedWebSocket extends Native {
    readonly #id = nextId++;
    readonly #createdAt = observer.now();
    #state: ReadyState = 0;
    #frames = 0;
    #lastSample = { time: -Infinity, amount: 0 };
    /** Keeps frames in order even when a Blob's bytes are read asynchronously. */
    #chain: Promise<void> = Promise.resolve();

    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      observer.emit({
        kind: 'socket',
        socket: {
          id: this.#id,
          url: this.url,
          protocols: protocols === undefined ? [] : [protocols].flat(),
          createdAt: this.#createdAt,
          binaryType: this.binaryType,
        },
      });
      observer.emit({ kind: 'state', id: this.#id, state: 0, time: 0 });
      live.push(this);
      for (const type of ['open', 'message', 'error', 'close'] as const) {
        this.addEventListener(type, (event) => this.#onEvent(type, event));
      }
    }

    #since(): number {
      return observer.now() - this.#createdAt;
    }

    #onEvent(type: 'open' | 'message' | 'error' | 'close', event: Event): void {
      const time = this.#since();
      observer.emit({ kind: 'event', id: this.#id, type, time });
      if (type === 'message') this.#frame((event as MessageEvent).data as Payload, 'in', time);
      if (type === 'close') {
        const { code, reason, wasClean } = event as CloseEvent;
        observer.emit({ kind: 'close', id: this.#id, close: { code, reason, wasClean, time } });
        live.splice(live.indexOf(this), 1);
        // A socket that failed to connect reached CLOSED before its close event,
        // so sample() below sees no state change: re-evaluate the run's status here.
        observer.changed();
      }
      this.sample();
    }

    #frame(data: Payload, dir: FrameRecord['dir'], time: number): void {
      if (++this.#frames > MAX_FRAMES_PER_SOCKET) return;
      const id = this.#id;
      this.#chain = this.#chain
        .then(() => describe(data, dir, time))
        .then((frame) => observer.emit({ kind: 'frame', id, frame }));
    }

    /** Records readyState changes and bufferedAmount while it is (or just stopped being) above zero. */
    sample(force = false): void {
      const state = this.readyState as ReadyState;
      if (state !== this.#state) {
        this.#state = state;
        observer.emit({ kind: 'state', id: this.#id, state, time: this.#since() });
        observer.changed();
      }
      const time = this.#since();
      const amount = this.bufferedAmount;
      const last = this.#lastSample;
      if (amount === last.amount || (amount > 0 && !force && time - last.time < SAMPLE_EVERY_MS)) return;
      this.#lastSample = { time, amount };
      observer.emit({ kind: 'buffered', id: this.#id, time, amount });
    }

    override send(data: Payload): void {
      super.send(data as Parameters<WebSocket['send']>[0]);
      this.#frame(data, 'out', this.#since());
      this.sample();
    }

    override close(code?: number, reason?: string): void {
      super.close(code, reason);
      this.sample(true);
    }

    override get binaryType(): BinaryType {
      return super.binaryType;
    }

    override set binaryType(value: BinaryType) {
      super.binaryType = value;
      observer.emit({ kind: 'binaryType', id: this.#id, binaryType: super.binaryType });
    }
  }

  // The reader sees the browser's name in consoles and stack traces.
  Object.defineProperty(ObservedWebSocket, 'name', { value: 'WebSocket' });

  return {
    WebSocket: ObservedWebSocket,
    /** Sockets not yet closed, oldest first. */
    live: (): readonly ObservedWebSocket[] => live,
  };
}
