// Shared test tools: a real server on an ephemeral port with a throwaway
// static root, raw-socket handshakes, and hand-built WebSocket frames.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request, type RequestOptions } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { startPlaygroundServer, type AttachOptions, type RunningServer } from '../../echo-server/index.ts';

export function makeStaticRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wsp-static-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>home</title>');
  writeFileSync(join(dir, '404.html'), '<!doctype html><title>lost</title><p>custom 404 page</p>');
  mkdirSync(join(dir, '_astro'));
  writeFileSync(join(dir, '_astro', 'app.abc123.js'), 'console.log(1);');
  mkdirSync(join(dir, 'runner'));
  writeFileSync(join(dir, 'runner', 'index.html'), '<!doctype html><title>runner</title>');
  writeFileSync(join(dir, 'style.css'), 'body{}');
  return dir;
}

export async function startServer(options: AttachOptions = {}): Promise<RunningServer> {
  return startPlaygroundServer({ port: 0, host: '127.0.0.1', quiet: true, staticDir: makeStaticRoot(), ...options });
}

export const wsUrl = (server: RunningServer, path: string) => `ws://127.0.0.1:${server.port}${path}`;
export const httpUrl = (server: RunningServer, path: string) => `http://127.0.0.1:${server.port}${path}`;

interface Inbox {
  items: [Buffer, boolean][];
  wake: (() => void) | null;
}
const inboxes = new WeakMap<WebSocket, Inbox>();
const upgradeHeaders = new WeakMap<WebSocket, import('node:http').IncomingHttpHeaders>();

/** The headers of the 101 response that opened `ws`. */
export function handshakeResponseHeaders(ws: WebSocket): import('node:http').IncomingHttpHeaders {
  return upgradeHeaders.get(ws) ?? {};
}

/** Opens a client that keeps every message from the first one on, so none is missed before a test listens. */
export function openClient(url: string, options: ConstructorParameters<typeof WebSocket>[2] = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    const inbox: Inbox = { items: [], wake: null };
    inboxes.set(ws, inbox);
    ws.once('upgrade', (res) => upgradeHeaders.set(ws, res.headers));
    ws.on('message', (data: Buffer, isBinary) => {
      inbox.items.push([data, isBinary]);
      inbox.wake?.();
    });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** The next `n` messages not yet taken, parsed as JSON when they are text. */
export async function nextMessages(ws: WebSocket, n: number): Promise<unknown[]> {
  const inbox = inboxes.get(ws);
  if (!inbox) throw new Error('nextMessages needs a client from openClient');
  while (inbox.items.length < n) await new Promise<void>((resolve) => (inbox.wake = resolve));
  return inbox.items.splice(0, n).map(([data, isBinary]) => (isBinary ? data : JSON.parse(data.toString())));
}

/** Messages from `ws`, skipping others, until one of `type` satisfies `done`; gives up after `limit` messages. */
export async function nextOfType<T extends { type: string }>(
  ws: WebSocket,
  type: string,
  done: (m: T) => boolean = () => true,
  limit = 50,
): Promise<T> {
  for (let i = 0; i < limit; i++) {
    const [message] = (await nextMessages(ws, 1)) as [T];
    if (message.type === type && done(message)) return message;
  }
  throw new Error(`no matching ${type} message`);
}

export function closeEvent(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

/** The status line and body of a refused handshake. */
export function refusedUpgrade(
  url: string,
  headers: Record<string, string> = {},
  localAddress?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, localAddress });
    ws.once('open', () => reject(new Error('handshake unexpectedly accepted')));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.once('error', () => {});
  });
}

/** A raw TCP socket that has completed the WebSocket handshake on `path`. */
export function rawHandshake(port: number, path = '/echo', localAddress?: string): Promise<RawPeer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    const key = randomBytes(16).toString('base64');
    socket.once('error', reject);
    socket.once('connect', () =>
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      ),
    );
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      const head = buffered.subarray(0, end).toString();
      if (!head.startsWith('HTTP/1.1 101')) return reject(new Error(`handshake refused: ${head}`));
      resolve(new RawPeer(socket, buffered.subarray(end + 4)));
    };
    socket.on('data', onData);
  });
}

export interface Frame {
  fin: boolean;
  opcode: number;
  payload: Buffer;
}

export interface FrameSpec {
  opcode: number;
  payload?: Buffer | string;
  fin?: boolean;
  /** RSV1..3 as the top bits of the first byte (0x40, 0x20, 0x10). */
  rsv?: number;
  masked?: boolean;
}

/** Encodes one frame the way a client would (masked unless told otherwise). */
export function encodeFrame({ opcode, payload = Buffer.alloc(0), fin = true, rsv = 0, masked = true }: FrameSpec): Buffer {
  const data = typeof payload === 'string' ? Buffer.from(payload) : payload;
  const len = data.length;
  const lenBytes = len < 126 ? 0 : len < 65536 ? 2 : 8;
  const header = Buffer.alloc(2 + lenBytes + (masked ? 4 : 0));
  header[0] = (fin ? 0x80 : 0) | rsv | opcode;
  header[1] = (masked ? 0x80 : 0) | (lenBytes === 0 ? len : lenBytes === 2 ? 126 : 127);
  if (lenBytes === 2) header.writeUInt16BE(len, 2);
  if (lenBytes === 8) header.writeBigUInt64BE(BigInt(len), 2);
  if (!masked) return Buffer.concat([header, data]);
  const mask = randomBytes(4);
  mask.copy(header, 2 + lenBytes);
  const body = Buffer.from(data);
  for (let i = 0; i < body.length; i++) body[i]! ^= mask[i & 3]!;
  return Buffer.concat([header, body]);
}

export function closePayload(code: number, reason: Buffer | string = ''): Buffer {
  const r = typeof reason === 'string' ? Buffer.from(reason) : reason;
  const out = Buffer.alloc(2 + r.length);
  out.writeUInt16BE(code, 0);
  r.copy(out, 2);
  return out;
}

/** A client speaking raw frames: writes what the test builds, parses what the server sends. */
export class RawPeer {
  readonly frames: Frame[] = [];
  #buffer: Buffer;
  #waiters: (() => void)[] = [];
  ended = false;

  constructor(
    readonly socket: Socket,
    rest: Buffer,
  ) {
    this.#buffer = rest;
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#parse();
    });
    socket.on('close', () => {
      this.ended = true;
      this.#wake();
    });
    socket.on('error', () => {});
    this.#parse();
  }

  send(spec: FrameSpec): void {
    this.socket.write(encodeFrame(spec));
  }

  #wake(): void {
    for (const w of this.#waiters.splice(0)) w();
  }

  #parse(): void {
    for (;;) {
      const b = this.#buffer;
      if (b.length < 2) break;
      let len = b[1]! & 0x7f;
      let offset = 2;
      if (len === 126) {
        if (b.length < 4) break;
        len = b.readUInt16BE(2);
        offset = 4;
      } else if (len === 127) {
        if (b.length < 10) break;
        len = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      if (b.length < offset + len) break;
      this.frames.push({ fin: (b[0]! & 0x80) !== 0, opcode: b[0]! & 0x0f, payload: b.subarray(offset, offset + len) });
      this.#buffer = b.subarray(offset + len);
    }
    this.#wake();
  }

  /** Waits until a frame matching `test` has arrived (or the socket ended). */
  async waitFor(test: (f: Frame) => boolean): Promise<Frame> {
    for (;;) {
      const found = this.frames.find(test);
      if (found) return found;
      if (this.ended) throw new Error(`socket ended without the frame; got opcodes ${this.frames.map((f) => f.opcode)}`);
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /** The close code the server sent. */
  async closeCode(): Promise<number> {
    const frame = await this.waitFor((f) => f.opcode === 0x8);
    return frame.payload.readUInt16BE(0);
  }

  /** Resolves once the server has closed the TCP connection. */
  async closed(): Promise<void> {
    while (!this.ended) await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** Polls `check` until it is true (tests never assert timings; this only bounds waiting). */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** An HTTP request with an empty body from a given local address (another loopback address is another participant). */
export function requestFrom(url: string, localAddress: string, options: RequestOptions = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { ...options, localAddress }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .once('error', reject)
      .end();
  });
}

export const getFrom = (url: string, localAddress: string) => requestFrom(url, localAddress);

/** Writes `request` on a fresh TCP connection; resolves with everything the server sent once it closes. */
export function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('error', () => {});
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    socket.once('close', () => resolve(answer));
    socket.write(request);
  });
}
