// One accepted WebSocket with what every endpoint needs around it: traffic
// counts, the rate limit, activity marks for the idle timeout, and sends that
// respect backpressure. Endpoints talk to this, not to the raw socket.
import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import { ReadGate, HIGH_WATER_MARK, PauseReason, sendWithBackpressure } from './backpressure.ts';
import type { TokenBucket } from './limits.ts';
import type { TrafficCounts } from './metrics.ts';

export const CLOSE_POLICY = 1008;
/** How long an expelled peer has to receive its close frame before the socket is cut. */
const EXPEL_GRACE_MS = 1000;

export class Connection implements TrafficCounts {
  readonly openedAt = performance.now();
  messagesIn = 0;
  messagesOut = 0;
  bytesIn = 0;
  bytesOut = 0;
  /** Set on every message either way; the idle sweeper clears it. */
  active = true;
  quietSince = 0;
  /** Set on pong; the heartbeat clears it when it pings. */
  alive = true;
  readonly gate: ReadGate;

  constructor(
    readonly ws: WebSocket,
    /** The TCP socket under `ws`, for endpoints that pace reading. */
    readonly socket: Duplex,
    readonly path: string,
    readonly address: string,
    private readonly bucket: TokenBucket | null,
    private readonly onRateExceeded: () => void,
  ) {
    this.gate = new ReadGate(ws);
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** True while more than the high-water mark is waiting to reach the peer. */
  get congested(): boolean {
    return this.ws.bufferedAmount > HIGH_WATER_MARK;
  }

  /** Calls `handler` for every message that the rate limit lets through. */
  onMessage(handler: (data: Buffer, isBinary: boolean) => void): void {
    this.ws.on('message', (data, isBinary) => {
      const buffer = data as Buffer; // binaryType is 'nodebuffer'
      this.messagesIn++;
      this.bytesIn += buffer.length;
      this.active = true;
      if (this.bucket !== null && !this.bucket.take()) {
        if (this.isOpen) this.onRateExceeded();
        this.expel('message rate limit exceeded');
        return;
      }
      handler(buffer, isBinary);
    });
  }

  send(data: Buffer | string, isBinary: boolean): void {
    if (!this.isOpen) return;
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    this.messagesOut++;
    this.bytesOut += size;
    this.active = true;
    sendWithBackpressure(this.ws, this.gate, data, isBinary, size);
  }

  sendJson(value: unknown): void {
    this.send(JSON.stringify(value), false);
  }

  /**
   * Closes with 1008 and reads nothing more: whatever a flooder has already
   * queued is not parsed, and its socket is cut if it does not answer the close.
   */
  expel(reason: string): void {
    this.gate.hold(PauseReason.Expelled);
    this.close(CLOSE_POLICY, reason);
    setTimeout(() => this.ws.terminate(), EXPEL_GRACE_MS).unref();
  }

  close(code: number, reason?: string): void {
    if (this.ws.readyState === WebSocket.CONNECTING || this.ws.readyState === WebSocket.OPEN) {
      this.ws.close(code, reason);
    }
  }
}
