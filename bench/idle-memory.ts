// Server memory with 10,000 idle connections, ours vs bare ws. Connections come
// from 40 loopback source addresses (127.0.0.2–41), 250 each, so ours runs with
// its default per-address cap (256) intact.
import { WebSocket } from 'ws';
import { startServerProcess, type Memory, type ServerKind } from './server-process.ts';
import { fmt, printTable } from './stats.ts';

const CONNECTIONS = 10_000;
const SOURCE_ADDRESSES = 40;
const BATCH = 250;

function open(url: string, localAddress: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, localAddress });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

async function measure(kind: ServerKind): Promise<{ before: Memory; after: Memory }> {
  const server = await startServerProcess(kind);
  const sockets: WebSocket[] = [];
  try {
    const before = await server.memory();
    const url = `ws://127.0.0.1:${server.port}/echo`;
    for (let i = 0; i < CONNECTIONS; i += BATCH) {
      const address = `127.0.0.${2 + ((i / BATCH) % SOURCE_ADDRESSES)}`;
      sockets.push(...(await Promise.all(Array.from({ length: Math.min(BATCH, CONNECTIONS - i) }, () => open(url, address)))));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const after = await server.memory();
    return { before, after };
  } finally {
    for (const ws of sockets) ws.terminate();
    await server.stop();
  }
}

export default async function idleMemory(): Promise<void> {
  console.log(`\n== Server memory with ${CONNECTIONS.toLocaleString('en-US')} idle /echo connections (after a forced GC) ==`);
  console.log('ours runs with its defaults (per-address cap 256, rate limit on, heartbeat 30 s, idle timeout 10 min)');
  const ours = await measure('ours');
  const bare = await measure('bare');
  const row = (name: string, m: { before: Memory; after: Memory }) => [
    name,
    fmt.mib(m.before.rss),
    fmt.mib(m.after.rss),
    fmt.mib(m.after.rss - m.before.rss),
    fmt.mib(m.after.heapUsed - m.before.heapUsed),
    fmt.int((m.after.rss - m.before.rss) / CONNECTIONS),
  ];
  printTable(
    ['server', 'RSS before MiB', 'RSS with conns MiB', 'RSS growth MiB', 'heap growth MiB', 'RSS B/conn'],
    [row('ours', ours), row('bare', bare)],
  );
  const growth = (m: { before: Memory; after: Memory }) => m.after.rss - m.before.rss;
  const ratio = growth(ours) / growth(bare);
  console.log(
    `RSS growth ours/bare: ${fmt.ratio(ratio)} (budget ≤ 1.5); total RSS ours/bare: ${fmt.ratio(ours.after.rss / bare.after.rss)}`,
  );
}
