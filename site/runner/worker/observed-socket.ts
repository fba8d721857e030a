// A WebSocket subclass that behaves exactly like the browser's own but
// reports everything it does (states, events, frames, close,
// bufferedAmount) as run events. Installed as the worker's `WebSocket`.
// Past LIMITS.socketsPerRun a socket still works but is only counted.
import { bytesOf, hexPreview } from '../hex.ts';
import { LIMITS } from '../limits.ts';
import type { RunEvent } from '../protocol.ts';
import type { FrameRecord, ReadyState } from '../run-record.ts';

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
// Taken before the reader's code runs, so replacing EventTarget.prototype.addEventListener cannot hand it the
// runner's listeners to call with made-up events.
const listen = EventTarget.prototype.addEventListener;

/** UTF-8 length of a string without encoding all of it (a message may be many MiB). */
function utf8Length(text: string): number {
  return text.length < 65_536 ? encoder.encode(text).length : new Blob([text]).size;
}

async function describe(data: Payload, dir: FrameRecord['dir'], time: number): Promise<FrameRecord> {
  if (typeof data === 'string') {
    return { dir, type: 'text', size: utf8Length(data), time, text: data.slice(0, LIMITS.frameTextChars) };
  }
  const max = LIMITS.frameHexBytes;
  if (data instanceof Blob) {
    const head = new Uint8Array(await data.slice(0, max).arrayBuffer());
    return { dir, type: 'binary', size: data.size, time, hex: hexPreview(head, max), binaryKind: 'Blob' };
  }
  const bytes = bytesOf(data as ArrayBuffer | ArrayBufferView);
  const kind = ArrayBuffer.isView(data) ? data.constructor.name : 'ArrayBuffer';
  return { dir, type: 'binary', size: bytes.byteLength, time, hex: hexPreview(bytes.subarray(0, max + 1), max), binaryKind: kind };
}

export function observedWebSocketClass(Native: typeof WebSocket, observer: SocketObserver) {
  let created = 0;
  let framesInRun = 0;
  const live = new Set<ObservedWebSocket>();
  /** Settles once every frame and close described so far has been emitted. */
  let settled: Promise<unknown> = Promise.resolve();
  const chained = (chain: Promise<void>): Promise<void> => {
    settled = Promise.all([settled, chain]);
    return chain;
  };

  class ObservedWebSocket extends Native {
    readonly #id = ++created;
    readonly #observed = this.#id <= LIMITS.socketsPerRun;
    readonly #createdAt = observer.now();
    #state: ReadyState = 0;
    #frames = 0;
    #samples = 0;
    #lastSample = { time: -Infinity, amount: 0 };
    /** Keeps frames in order even when a Blob's bytes are read asynchronously. */
    #chain: Promise<void> = Promise.resolve();

    constructor(url: string | URL, protocols?: string | string[]) {
      if (created >= LIMITS.socketsOpenedPerRun) {
        throw new DOMException(`A run may open at most ${LIMITS.socketsOpenedPerRun} sockets.`, 'QuotaExceededError');
      }
      super(url, protocols);
      live.add(this);
      this.#emit({
        kind: 'socket',
        socket: {
          id: this.#id,
          url: this.url,
          protocols: protocols === undefined ? [] : [protocols].flat(),
          createdAt: this.#createdAt,
          binaryType: this.binaryType,
        },
      });
      this.#emit({ kind: 'state', id: this.#id, state: 0, time: 0 });
      if (this.#id === LIMITS.socketsPerRun + 1) observer.emit({ kind: 'notice', notice: { code: 'limit', what: 'sockets' } });
      for (const type of ['open', 'message', 'error', 'close'] as const) {
        listen.call(this, type, (event) => {
          // Only what the browser dispatched: `ws.dispatchEvent(new MessageEvent(…))` is the code's own doing.
          if (event.isTrusted) this.#onEvent(type, event);
        });
      }
    }

    #emit(event: RunEvent): void {
      if (this.#observed) observer.emit(event);
    }

    #since(): number {
      return observer.now() - this.#createdAt;
    }

    #onEvent(type: 'open' | 'message' | 'error' | 'close', event: Event): void {
      const time = this.#since();
      this.#emit({ kind: 'event', id: this.#id, type, time });
      if (type === 'message') this.#frame((event as MessageEvent).data as Payload, 'in', time);
      if (type === 'close') {
        const { code, reason, wasClean } = event as CloseEvent;
        const dropped = this.#frames - Math.min(this.#frames, LIMITS.framesPerSocket);
        const id = this.#id;
        // After the frames still being described, so the record reads in order.
        this.#chain = chained(
          this.#chain.then(() => {
            if (dropped > 0) this.#emit({ kind: 'framesDropped', id, count: dropped });
            this.#emit({ kind: 'close', id, close: { code, reason, wasClean, time } });
          }),
        );
        live.delete(this);
        // A socket that failed to connect reached CLOSED before its close event,
        // so sample() below sees no state change: re-evaluate the run's status here.
        observer.changed();
      }
      this.sample();
    }

    #frame(data: Payload, dir: FrameRecord['dir'], time: number): void {
      if (!this.#observed || ++this.#frames > LIMITS.framesPerSocket) return;
      if (++framesInRun > LIMITS.framesPerRun) {
        if (framesInRun === LIMITS.framesPerRun + 1) observer.emit({ kind: 'notice', notice: { code: 'limit', what: 'frames' } });
        return;
      }
      const id = this.#id;
      this.#chain = chained(this.#chain.then(() => describe(data, dir, time)).then((frame) => observer.emit({ kind: 'frame', id, frame })));
    }

    /** Records readyState changes and bufferedAmount while it is (or just stopped being) above zero. */
    sample(force = false): void {
      const state = this.readyState as ReadyState;
      if (state !== this.#state) {
        this.#state = state;
        this.#emit({ kind: 'state', id: this.#id, state, time: this.#since() });
        observer.changed();
      }
      const time = this.#since();
      const amount = this.bufferedAmount;
      const last = this.#lastSample;
      if (amount === last.amount || (amount > 0 && !force && time - last.time < SAMPLE_EVERY_MS)) return;
      this.#lastSample = { time, amount };
      if (++this.#samples <= LIMITS.samplesPerSocket) this.#emit({ kind: 'buffered', id: this.#id, time, amount });
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
      this.#emit({ kind: 'binaryType', id: this.#id, binaryType: super.binaryType });
    }
  }

  // The reader sees the browser's name in consoles and stack traces.
  Object.defineProperty(ObservedWebSocket, 'name', { value: 'WebSocket' });

  return {
    WebSocket: ObservedWebSocket,
    /** Sockets not yet closed, oldest first. */
    live: (): ReadonlySet<ObservedWebSocket> => live,
    /** Resolves when every frame and close observed so far has been reported (Blobs are read asynchronously). */
    settled: (): Promise<unknown> => settled,
  };
}
