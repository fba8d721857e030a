// Load generator: N connections, each sending one message and waiting for its
// echo before the next (ping-pong), until a deadline or a message budget runs
// out. Records every round trip.
import { WebSocket } from 'ws';

export interface LoadResult {
  messages: number;
  seconds: number;
  /** Round-trip times in milliseconds, sorted. */
  latencies: number[];
}

export interface PingPong {
  connections: number;
  payload: Buffer;
  binary: boolean;
  durationMs: number;
  /** Messages sent in all, across connections: bounds the bytes a run with big payloads moves. */
  maxMessages?: number;
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 0 });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

export async function pingPong(
  url: string,
  { connections, payload, binary, durationMs, maxMessages = Infinity }: PingPong,
): Promise<LoadResult> {
  const sockets = await Promise.all(Array.from({ length: connections }, () => open(url)));
  const latencies: number[] = [];
  let sent = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    sockets.map(
      (ws) =>
        new Promise<void>((resolve, reject) => {
          let sentAt = 0;
          const sendOne = () => {
            sent++;
            sentAt = performance.now();
            ws.send(payload, { binary });
          };
          ws.on('message', () => {
            const now = performance.now();
            latencies.push(now - sentAt);
            if (now < deadline && sent < maxMessages) sendOne();
            else resolve();
          });
          ws.once('close', (code) => reject(new Error(`connection closed during the run (${code})`)));
          sendOne();
        }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const ws of sockets) {
    ws.removeAllListeners('close');
    ws.terminate();
  }
  return { messages: latencies.length, seconds, latencies: latencies.sort((a, b) => a - b) };
}
