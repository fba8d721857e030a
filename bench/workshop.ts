// A 500-person workshop on one machine: every participant holds a presence
// socket and a chat socket in one room; messages go to all of them. Ours (with
// its defaults) against the smallest ws relay, in the same run, twice each.
import { startServerProcess, type BenchServer } from './server-process.ts';
import { fmt, percentile, printTable } from './stats.ts';
import { runWorkshopRoom, type RoomRunResult } from './workshop-room.ts';

const PARTICIPANTS = 500;
const MESSAGES = 20;
const GAP_MS = 250;
const ROUNDS = 2;

async function measure(kind: BenchServer): Promise<RoomRunResult & { rssBefore: number; rssAfter: number }> {
  const server = await startServerProcess(kind);
  try {
    const before = await server.memory();
    let rssAfter = 0;
    const result = await runWorkshopRoom(`ws://127.0.0.1:${server.port}`, PARTICIPANTS, MESSAGES, GAP_MS, async () => {
      rssAfter = (await server.memory()).rss;
    });
    return { ...result, rssBefore: before.rss, rssAfter };
  } finally {
    await server.stop();
  }
}

export default async function workshop(): Promise<void> {
  console.log(
    `\n== Workshop room: ${PARTICIPANTS} participants (presence + chat socket each, own loopback address), ${MESSAGES} messages to all ==`,
  );
  const rows: (string | number)[][] = [];
  const p99: Record<string, number[]> = { ours: [], 'bare-room': [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const kind of ['ours', 'bare-room'] as const) {
      const r = await measure(kind);
      const sorted = [...r.latencies].sort((a, b) => a - b);
      p99[kind]!.push(percentile(sorted, 99));
      rows.push([
        `${kind} #${round}`,
        `${fmt.int(r.delivered)}/${fmt.int(r.expected)}`,
        fmt.ms(percentile(sorted, 50)),
        fmt.ms(percentile(sorted, 99)),
        fmt.ms(sorted[sorted.length - 1] ?? Number.NaN),
        fmt.int(r.connectMs),
        fmt.mib(r.rssAfter),
        fmt.mib(r.rssAfter - r.rssBefore),
      ]);
    }
  }
  printTable(['server', 'delivered', 'p50 ms', 'p99 ms', 'max ms', 'connect ms', 'RSS MiB', 'RSS growth MiB'], rows);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(
    `p99 delivery ours/bare: ${fmt.ratio(mean(p99.ours!) / mean(p99['bare-room']!))} (target: every delivery within 1000 ms, none lost)`,
  );
}
