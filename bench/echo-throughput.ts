// Our /echo against a bare ws echo server, measured in the same run, each in
// its own process: a sweep of message sizes and connection counts, each
// scenario alternating which server goes first over several rounds.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pingPong, type LoadResult } from './load.ts';
import { startServerProcess, type ServerKind, type ServerProcess } from './server-process.ts';
import { fmt, median, printTable } from './stats.ts';

interface Scenario {
  name: string;
  connections: number;
  payload: Buffer;
  binary: boolean;
}

const KiB = 1024;
const SIZES: [string, number][] = [
  ['1 KiB', KiB],
  ['16 KiB', 16 * KiB],
  ['64 KiB', 64 * KiB],
  ['256 KiB', 256 * KiB],
  ['1 MiB', 1024 * KiB],
];
const CONNECTIONS = [1, 8, 64];

const SCENARIOS: Scenario[] = [
  ...CONNECTIONS.map((connections) => ({
    name: `${connections} conn × 32 B text`,
    connections,
    payload: Buffer.from('x'.repeat(32)),
    binary: false,
  })),
  ...SIZES.flatMap(([label, size]) =>
    CONNECTIONS.map((connections) => ({
      name: `${connections} conn × ${label} binary`,
      connections,
      payload: Buffer.alloc(size, 0xab),
      binary: true,
    })),
  ),
];

const ROUNDS = 9;
const RUN_MS = 400;
/** Long enough for a fresh size to reach steady state: the first second of 64 KiB messages runs several times slower, in both servers. */
const WARMUP_MS = 1000;
/** Payload bytes one run may send, so big messages over many connections take a few round trips, not minutes. */
const RUN_BYTES = 256 * 1024 * KiB;
const TARGET = 0.95;

/**
 * Policy, not plumbing: the default rate limit (1000 msg/s) would close a
 * benchmark connection, so ours runs with the limiter switched on at a rate no
 * client reaches: the token bucket still runs on every message.
 */
export const OUR_SETTINGS = { rateLimit: 1e9, rateBurst: 1e9 };

/**
 * glibc gives the top of its heap back to the OS whenever V8 frees enough
 * socket read buffers there at once, then takes it back a page fault at a time
 * on the next reads. Whether a process does this depends on where its heap
 * happens to put things, not on its code, and on a VM each fault is dear: left
 * alone, any of the three processes can run 2–5× slower on 16–256 KiB messages
 * from one round to the next. The sweep compares code, so the client and both
 * servers keep the memory they have freed.
 */
const KEEP_FREED_MEMORY = 'glibc.malloc.trim_threshold=536870912:glibc.malloc.mmap_threshold=33554432';

interface Rounds {
  rates: number[];
  cpuPerMessage: number[];
}

async function measure(server: ServerProcess, scenario: Scenario, durationMs: number): Promise<{ rate: number; cpuPerMessage: number }> {
  const maxMessages = Math.max(scenario.connections, Math.floor(RUN_BYTES / scenario.payload.length));
  const cpuBefore = await server.cpuMicros();
  const r: LoadResult = await pingPong(`ws://127.0.0.1:${server.port}/echo`, { ...scenario, durationMs, maxMessages });
  const cpu = (await server.cpuMicros()) - cpuBefore;
  return { rate: r.messages / r.seconds, cpuPerMessage: cpu / r.messages };
}

export default async function echoThroughput(): Promise<void> {
  if (process.env.GLIBC_TUNABLES !== KEEP_FREED_MEMORY) return rerunKeepingFreedMemory();
  console.log('\n== /echo throughput: ours vs bare ws (ping-pong, one message in flight per connection) ==');
  console.log(
    `ours runs with defaults except rate limit ${OUR_SETTINGS.rateLimit} msg/s, burst ${OUR_SETTINGS.rateBurst} (limiter active, never reached); permessage-deflate off on both`,
  );
  console.log(`client and servers run with GLIBC_TUNABLES=${KEEP_FREED_MEMORY} (see KEEP_FREED_MEMORY)`);
  console.log(
    `${ROUNDS} rounds × ${RUN_MS} ms (or ${fmt.mib(RUN_BYTES)} MiB sent) per server per scenario, order alternating each round, after a ${WARMUP_MS} ms warm-up`,
  );

  const servers: Record<ServerKind, ServerProcess> = {
    ours: await startServerProcess('ours', OUR_SETTINGS),
    bare: await startServerProcess('bare'),
  };
  const results = new Map<Scenario, Record<ServerKind, Rounds>>();
  try {
    for (const scenario of SCENARIOS) {
      for (const kind of ['ours', 'bare'] as const) await measure(servers[kind], scenario, WARMUP_MS);
      const entry: Record<ServerKind, Rounds> = { ours: { rates: [], cpuPerMessage: [] }, bare: { rates: [], cpuPerMessage: [] } };
      for (let round = 0; round < ROUNDS; round++) {
        const order: ServerKind[] = round % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours'];
        for (const kind of order) {
          const { rate, cpuPerMessage } = await measure(servers[kind], scenario, RUN_MS);
          entry[kind].rates.push(rate);
          entry[kind].cpuPerMessage.push(cpuPerMessage);
        }
      }
      results.set(scenario, entry);
    }
  } finally {
    await Promise.all([servers.ours.stop(), servers.bare.stop()]);
  }

  const below: string[] = [];
  const rows = SCENARIOS.map((scenario) => {
    const { ours, bare } = results.get(scenario)!;
    // Rounds are paired (ours and bare back to back), so the median of per-round
    // ratios cancels most of the drift a shared machine adds.
    const ratios = ours.rates.map((rate, i) => rate / bare.rates[i]!);
    const ratio = median(ratios);
    const cpuRatio = median(ours.cpuPerMessage.map((c, i) => c / bare.cpuPerMessage[i]!));
    if (ratio < TARGET) below.push(scenario.name);
    return [
      scenario.name,
      fmt.int(median(ours.rates)),
      fmt.int(median(bare.rates)),
      `${fmt.ratio(ratio)}${ratio >= TARGET ? '' : ' *'}`,
      `${fmt.ratio(Math.min(...ratios))}–${fmt.ratio(Math.max(...ratios))}`,
      fmt.ms(median(ours.cpuPerMessage) / 1000),
      fmt.ratio(cpuRatio),
    ];
  });
  printTable(['scenario', 'ours msg/s', 'bare msg/s', 'ours/bare', 'ratio range', 'ours CPU ms/msg', 'CPU/msg ours/bare'], rows);
  console.log(
    'ours/bare: median over rounds of the paired ratio; range: lowest–highest round. CPU/msg below 1 means ours spends less server CPU per message.',
  );
  console.log(below.length ? `* below ${TARGET}: ${below.join('; ')}` : `every scenario at or above ${TARGET}`);
}

/** The allocator reads its settings once, at start: run this bench again in a process that has them. */
async function rerunKeepingFreedMemory(): Promise<void> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: { ...process.env, GLIBC_TUNABLES: KEEP_FREED_MEMORY },
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`echo-throughput exited with ${code}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await echoThroughput();
