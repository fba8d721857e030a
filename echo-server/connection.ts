// One accepted WebSocket with what every endpoint needs around it: traffic
// counts, the rate limit and activity marks for the idle timeout (for every
// connection, whether or not its endpoint reads messages), sends that respect
// backpressure, and close events. Endpoints talk to this, never to the raw
// WebSocket.
import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import { CloseCode } from '../contracts/close-codes.ts';
import { ReadGate, HIGH_WATER_MARK, PauseReason, sendWithBackpressure } from './backpressure.ts';
import type { TokenBucket } from './limits.ts';
import type { TrafficCounts } from './metrics.ts';

/** How long an expelled peer has to receive its close frame before the socket is cut. */
const EXPEL_GRACE_MS = 1000;

type MessageHandler = (data: Buffer, isBinary: boolean) => void;
const ignore: MessageHandler = () => {};

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
  #handler = ignore;

  constructor(
    private readonly ws: WebSocket,
    /** The TCP socket under the WebSocket, for endpoints that pace reading or wait for 'drain'. */
    readonly socket: Duplex,
    readonly path: string,
    readonly address: string,
    private readonly bucket: TokenBucket | null,
    private readonly onRateExceeded: () => void,
  ) {
    this.gate = new ReadGate(ws);
    ws.on('message', (data, isBinary) => this.#receive(data as Buffer, isBinary)); // binaryType is 'nodebuffer'
    ws.on('pong', () => {
      this.alive = true;
    });
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Bytes sent and not yet handed to the OS. */
  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  /** True while more than the high-water mark is waiting to reach the peer. */
  get congested(): boolean {
    return this.ws.bufferedAmount > HIGH_WATER_MARK;
  }

  /** The subprotocol the handshake selected ('' for none). */
  get protocol(): string {
    return this.ws.protocol;
  }

  /** Calls `handler` for every message the rate limit lets through (one handler; messages before it are counted and dropped). */
  onMessage(handler: MessageHandler): void {
    this.#handler = handler;
  }

  /** Calls `handler` once the connection has closed, however it closed. */
  onClose(handler: (code: number) => void): void {
    this.ws.once('close', handler);
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

  ping(): void {
    this.ws.ping();
  }

  /**
   * Closes with 1008 and reads nothing more: whatever a flooder has already
   * queued is not parsed, and its socket is cut if it does not answer the close.
   */
  expel(reason: string): void {
    this.gate.hold(PauseReason.Expelled);
    this.close(CloseCode.PolicyViolation, reason);
    setTimeout(() => this.ws.terminate(), EXPEL_GRACE_MS).unref();
  }

  close(code: number, reason?: string): void {
    if (this.ws.readyState === WebSocket.CONNECTING || this.ws.readyState === WebSocket.OPEN) {
      this.ws.close(code, reason);
    }
  }

  /** Cuts the TCP connection without a close frame, as a failed network would. */
  terminate(): void {
    this.ws.terminate();
  }

  #receive(data: Buffer, isBinary: boolean): void {
    this.messagesIn++;
    this.bytesIn += data.length;
    this.active = true;
    if (this.bucket !== null && !this.bucket.take()) {
      if (this.isOpen) this.onRateExceeded();
      this.expel('message rate limit exceeded');
      return;
    }
    this.#handler(data, isBinary);
  }
}
