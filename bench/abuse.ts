// Hostile participants against honest ones, and what the honest ones saw.
//
// 1. Chat flood: honest members talk at a human pace in one room while
//    flooders (each from its own loopback address) fire 2,000-character
//    messages as fast as they can. Measured: delivery time of the honest
//    messages to the honest members, messages lost, honest members closed,
//    flooders closed with 1008, and /healthz latency; against the same room
//    without flooders, in the same run.
// 2. Connection-cap attack: idle /echo sockets from many addresses fill the
//    lesson pool; then participants open /presence and /chat and the
//    instructor opens /admin. Measured: who got in, handshake times, /healthz,
//    against the same connects with no attack.
import { WebSocket } from 'ws';
import { startServerProcess } from './server-process.ts';
import { fmt, percentile, printTable } from './stats.ts';

const TOKEN = 'abuse-bench-token-0123456789';
const HONEST = 20;
const HONEST_MESSAGES = 10;
const HONEST_GAP_MS = 400;
const FLOODERS = 10;
/** Per flooder; each is closed long before, this only bounds the client. */
const FLOOD_MESSAGES = 2000;
const FLOOD_TEXT = 'x'.repeat(2000);
const ATTACK_ADDRESSES = 8;
const ATTACK_SOCKETS_PER_ADDRESS = 256;
/** The lesson pool the attack fills: ATTACK_ADDRESSES × ATTACK_SOCKETS_PER_ADDRESS. */
const ATTACK_MAX_CONNS = ATTACK_ADDRESSES * ATTACK_SOCKETS_PER_ADDRESS;

const now = () => performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const honestAddress = (i: number) => `127.0.2.${1 + i}`;
const hostileAddress = (i: number) => `127.0.3.${1 + i}`;

/** Opens a socket; null when the handshake is refused. */
async function tryOpen(url: string, localAddress: string): Promise<WebSocket | null> {
  const ws = new WebSocket(url, { localAddress, perMessageDeflate: false });
  return new Promise((resolve) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', () => resolve(null));
  });
}

/** Samples GET /healthz every 100 ms until stopped; returns the latencies. */
function sampleHealth(httpBase: string): { stop: () => Promise<number[]> } {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = now();
      await fetch(`${httpBase}/healthz`).then(
        (r) => r.arrayBuffer(),
        () => undefined,
      );
      samples.push(now() - t0);
      await sleep(100);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return samples.sort((a, b) => a - b);
    },
  };
}

interface FloodResult {
  expected: number;
  delivered: number;
  latencies: number[];
  honestClosed: number;
  floodersClosed1008: number;
  health: number[];
  /** CPU time the server process spent while the room talked. */
  serverCpuMs: number;
}

async function chatFlood(withFlooders: boolean): Promise<FloodResult> {
  const server = await startServerProcess('ours', { adminToken: TOKEN });
  const base = `ws://127.0.0.1:${server.port}`;
  try {
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    let delivered = 0;
    let honestClosed = 0;
    const honest: WebSocket[] = [];
    for (let i = 0; i < HONEST; i++) {
      const ws = await tryOpen(`${base}/chat?room=class&name=honest${i}`, honestAddress(i));
      if (!ws) throw new Error('an honest member could not join');
      ws.on('message', (data) => {
        const event = JSON.parse(String(data)) as { type: string; text?: string };
        const t0 = event.type === 'message' && event.text ? sentAt.get(event.text) : undefined;
        if (t0 === undefined) return;
        latencies.push(now() - t0);
        delivered++;
      });
      ws.on('close', () => honestClosed++);
      honest.push(ws);
    }
    let floodersClosed1008 = 0;
    const flooders: WebSocket[] = [];
    if (withFlooders) {
      for (let i = 0; i < FLOODERS; i++) {
        const ws = await tryOpen(`${base}/chat?room=class&name=flood${i}`, hostileAddress(i));
        if (!ws) continue;
        ws.on('close', (code) => code === 1008 && floodersClosed1008++);
        flooders.push(ws);
      }
    }
    const cpuBefore = await server.cpuMicros();
    const health = sampleHealth(`http://127.0.0.1:${server.port}`);
    // Each flooder sends in slices, so this process's own event loop (which also times /healthz) keeps turning.
    const floods = flooders.map(async (ws) => {
      for (let i = 0; i < FLOOD_MESSAGES && ws.readyState === ws.OPEN; i++) {
        ws.send(FLOOD_TEXT);
        if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
      }
    });
    for (let m = 0; m < HONEST_MESSAGES; m++) {
      for (let i = 0; i < HONEST; i++) {
        const text = `honest ${i} says ${m}`;
        sentAt.set(text, now());
        honest[i]!.send(text);
      }
      await sleep(HONEST_GAP_MS);
    }
    const expected = HONEST * HONEST_MESSAGES * HONEST;
    const deadline = now() + 5000;
    while (delivered < expected && now() < deadline) await sleep(50);
    await Promise.all(floods);
    const healthSamples = await health.stop();
    const serverCpuMs = ((await server.cpuMicros()) - cpuBefore) / 1000;
    const closedHonest = honestClosed;
    for (const ws of [...honest, ...flooders]) ws.terminate();
    return {
      expected,
      delivered,
      latencies: latencies.sort((a, b) => a - b),
      honestClosed: closedHonest,
      floodersClosed1008,
      health: healthSamples,
      serverCpuMs,
    };
  } finally {
    await server.stop();
  }
}

interface CapResult {
  attackOpened: number;
  participantsIn: number;
  adminIn: boolean;
  connectMs: number[];
  health: number[];
}

async function capAttack(withAttack: boolean): Promise<CapResult> {
  const server = await startServerProcess('ours', { adminToken: TOKEN, maxConns: ATTACK_MAX_CONNS });
  const base = `ws://127.0.0.1:${server.port}`;
  const sockets: WebSocket[] = [];
  try {
    let attackOpened = 0;
    if (withAttack) {
      for (let a = 0; a < ATTACK_ADDRESSES; a++) {
        const batch = await Promise.all(
          Array.from({ length: ATTACK_SOCKETS_PER_ADDRESS }, () => tryOpen(`${base}/echo`, hostileAddress(a))),
        );
        for (const ws of batch) if (ws) sockets.push(ws), attackOpened++;
      }
      // The pool is full: one more lesson socket is refused.
      const extra = await tryOpen(`${base}/echo`, hostileAddress(ATTACK_ADDRESSES));
      if (extra) throw new Error('the lesson pool was not full');
    }
    const health = sampleHealth(`http://127.0.0.1:${server.port}`);
    const connectMs: number[] = [];
    const timed = async (url: string, address: string) => {
      const t0 = now();
      const ws = await tryOpen(url, address);
      if (ws) connectMs.push(now() - t0), sockets.push(ws);
      return ws !== null;
    };
    let participantsIn = 0;
    for (let i = 0; i < HONEST; i++) {
      const presence = await timed(`${base}/presence`, honestAddress(i));
      const chat = await timed(`${base}/chat?room=class&name=p${i}`, honestAddress(i));
      if (presence && chat) participantsIn++;
    }
    const adminIn = await timed(`${base}/admin?token=${TOKEN}`, '127.0.0.1');
    await sleep(500);
    return { attackOpened, participantsIn, adminIn, connectMs: connectMs.sort((a, b) => a - b), health: await health.stop() };
  } finally {
    sockets.forEach((ws) => ws.terminate());
    await server.stop();
  }
}

const healthCells = (h: number[]) => [fmt.ms(percentile(h, 50)), fmt.ms(percentile(h, 99)), fmt.ms(h.at(-1) ?? Number.NaN)];

export default async function abuse(): Promise<void> {
  console.log(
    `\n== Abuse 1: chat flood. ${HONEST} honest members (${HONEST_MESSAGES} messages each, one every ${HONEST_GAP_MS} ms) and ${FLOODERS} flooders (up to ${FLOOD_MESSAGES} × 2,000 characters as fast as they can) in one room, default limits ==`,
  );
  const quiet = await chatFlood(false);
  const flooded = await chatFlood(true);
  printTable(
    [
      'room',
      'honest delivered',
      'lost',
      'p50 ms',
      'p99 ms',
      'honest closed',
      'flooders closed 1008',
      'healthz p50 ms',
      'p99 ms',
      'max ms',
      'server CPU ms',
    ],
    [quiet, flooded].map((r, i) => [
      i === 0 ? 'no flooders' : 'with flooders',
      `${fmt.int(r.delivered)}/${fmt.int(r.expected)}`,
      fmt.int(r.expected - r.delivered),
      fmt.ms(percentile(r.latencies, 50)),
      fmt.ms(percentile(r.latencies, 99)),
      r.honestClosed,
      i === 0 ? '-' : `${r.floodersClosed1008}/${FLOODERS}`,
      ...healthCells(r.health),
      fmt.int(r.serverCpuMs),
    ]),
  );
  console.log(
    `honest p99 delivery with/without flooders: ${fmt.ratio(percentile(flooded.latencies, 99) / percentile(quiet.latencies, 99))}`,
  );

  console.log(
    `\n== Abuse 2: connection-cap attack. ${ATTACK_ADDRESSES} addresses × ${ATTACK_SOCKETS_PER_ADDRESS} idle /echo sockets fill the lesson pool (--max-conns ${ATTACK_MAX_CONNS}); then ${HONEST} participants open /presence + /chat and the instructor opens /admin ==`,
  );
  const calm = await capAttack(false);
  const attacked = await capAttack(true);
  printTable(
    ['server', 'attack sockets', 'participants in', 'instructor in', 'connect p50 ms', 'p99 ms', 'healthz p50 ms', 'p99 ms', 'max ms'],
    [calm, attacked].map((r, i) => [
      i === 0 ? 'no attack' : 'under attack',
      fmt.int(r.attackOpened),
      `${r.participantsIn}/${HONEST}`,
      r.adminIn ? 'yes' : 'NO',
      fmt.ms(percentile(r.connectMs, 50)),
      fmt.ms(percentile(r.connectMs, 99)),
      ...healthCells(r.health),
    ]),
  );
  console.log(
    `participant connect p99 under attack/calm: ${fmt.ratio(percentile(attacked.connectMs, 99) / percentile(calm.connectMs, 99))}`,
  );
}
