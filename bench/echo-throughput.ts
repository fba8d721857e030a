// Our /echo against a bare ws echo server, measured in the same run, each in
// its own process, alternating which goes first, over several rounds.
import { pingPong, type LoadResult } from './load.ts';
import { startServerProcess, type ServerKind, type ServerProcess } from './server-process.ts';
import { fmt, median, percentile, printTable } from './stats.ts';

interface Scenario {
  name: string;
  connections: number;
  payload: Buffer;
}

const SCENARIOS: Scenario[] = [
  { name: '1 conn, 32 B text', connections: 1, payload: Buffer.from('x'.repeat(32)) },
  { name: '64 conns, 32 B text', connections: 64, payload: Buffer.from('y'.repeat(32)) },
  { name: '1 conn, 1 MiB binary', connections: 1, payload: Buffer.alloc(1024 * 1024, 0xab) },
];

const ROUNDS = 8;
const RUN_MS = 1000;
const WARMUP_MS = 500;

/**
 * Policy, not plumbing: the default rate limit (1000 msg/s) would close a
 * benchmark connection, so ours runs with the limiter switched on at a rate no
 * client reaches: the token bucket still runs on every message.
 */
export const OUR_SETTINGS = { rateLimit: 1e9, rateBurst: 1e9 };

export default async function echoThroughput(): Promise<void> {
  console.log('\n== /echo throughput: ours vs bare ws (ping-pong, one message in flight per connection) ==');
  console.log(`ours runs with defaults except rate limit ${OUR_SETTINGS.rateLimit} msg/s, burst ${OUR_SETTINGS.rateBurst} (limiter active, never reached); permessage-deflate off on both`);
  console.log(`${ROUNDS} rounds × ${RUN_MS} ms per server per scenario, order alternating each round, after a ${WARMUP_MS} ms warm-up`);

  const servers: Record<ServerKind, ServerProcess> = { ours: await startServerProcess('ours', OUR_SETTINGS), bare: await startServerProcess('bare') };
  /** Per scenario and server: msg/s and server CPU µs per message for each round, and every latency. */
  const results = new Map<string, { rates: number[]; cpuPerMessage: number[]; latencies: number[][] }>();
  try {
    for (const scenario of SCENARIOS) {
      for (const kind of ['ours', 'bare'] as const) {
        await pingPong(`ws://127.0.0.1:${servers[kind].port}/echo`, scenario.connections, scenario.payload, WARMUP_MS);
      }
      for (let round = 0; round < ROUNDS; round++) {
        const order: ServerKind[] = round % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours'];
        for (const kind of order) {
          const cpuBefore = await servers[kind].cpuMicros();
          const r: LoadResult = await pingPong(`ws://127.0.0.1:${servers[kind].port}/echo`, scenario.connections, scenario.payload, RUN_MS);
          const cpu = (await servers[kind].cpuMicros()) - cpuBefore;
          const key = `${scenario.name}|${kind}`;
          const entry = results.get(key) ?? { rates: [], cpuPerMessage: [], latencies: [] };
          entry.rates.push(r.messages / r.seconds);
          entry.cpuPerMessage.push(cpu / r.messages);
          entry.latencies.push(r.latencies);
          results.set(key, entry);
        }
      }
    }
  } finally {
    await Promise.all([servers.ours.stop(), servers.bare.stop()]);
  }

  const rows = SCENARIOS.flatMap((scenario) => {
    const ours = results.get(`${scenario.name}|ours`)!;
    const bare = results.get(`${scenario.name}|bare`)!;
    // Rounds are paired (ours and bare back to back), so the median of per-round
    // ratios cancels most of the drift a shared machine adds.
    const ratio = median(ours.rates.map((rate, i) => rate / bare.rates[i]!));
    const cpuRatio = median(ours.cpuPerMessage.map((c, i) => c / bare.cpuPerMessage[i]!));
    return (['ours', 'bare'] as const).map((kind) => {
      const r = kind === 'ours' ? ours : bare;
      const all = r.latencies.flat().sort((a, b) => a - b);
      return [
        kind === 'ours' ? scenario.name : '',
        kind,
        fmt.int(median(r.rates)),
        `${fmt.int(Math.min(...r.rates))}–${fmt.int(Math.max(...r.rates))}`,
        fmt.ms(percentile(all, 50)),
        fmt.ms(percentile(all, 99)),
        fmt.ms(median(r.cpuPerMessage) / 1000),
        kind === 'ours' ? `${fmt.ratio(ratio)}${ratio >= 0.95 ? '' : '  (below 0.95)'}` : '',
        kind === 'ours' ? fmt.ratio(cpuRatio) : '',
      ];
    });
  });
  printTable(['scenario', 'server', 'msg/s (median)', 'msg/s range', 'p50 ms', 'p99 ms', 'server CPU ms/msg', 'throughput ours/bare', 'CPU/msg ours/bare'], rows);
  console.log('ratios: median over rounds of ours/bare in the same round; CPU/msg below 1 means ours spends less server CPU per message');
}
