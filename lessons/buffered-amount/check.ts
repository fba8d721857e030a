// Passes when the code sent at least 1 MiB to /slow in several chunks, the
// server confirmed reading all of it, and the send queue never held more than
// half of it: the code waited for bufferedAmount instead of queueing it all.
import type { CheckResult, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { fail, incomingText, parseJson, PASS, socketsTo } from '../check-helpers.ts';

const MIN_TOTAL = 1024 * 1024;
const MIN_CHUNKS = 8;

/** The highest `received` the server reported in its `{ type: "message" }` replies. */
function serverReceived(socket: SocketRecord): number {
  let most = 0;
  for (const f of incomingText(socket)) {
    const report = parseJson(f.text) as { type?: unknown; received?: unknown } | undefined;
    if (report?.type === 'message' && typeof report.received === 'number') most = Math.max(most, report.received);
  }
  return most;
}

function judge(socket: SocketRecord): CheckResult {
  const chunks = socket.frames.filter((f) => f.dir === 'out' && f.type === 'binary');
  const total = chunks.reduce((sum, f) => sum + f.size, 0);
  if (total < MIN_TOTAL) {
    return fail('至少向 /slow 发送 1 MiB（练习要求 4 MiB）。', 'Send at least 1 MiB to /slow (the exercise asks for 4 MiB).');
  }
  if (chunks.length < MIN_CHUNKS) {
    return fail(
      `把数据切成至少 ${MIN_CHUNKS} 块（例如每块 64 KiB），逐块发送。`,
      `Split the data into at least ${MIN_CHUNKS} chunks (64 KiB each, say) and send them one by one.`,
    );
  }
  const peak = Math.max(0, ...socket.buffered.map((b) => b.amount));
  if (peak > total / 2) {
    return fail(
      `发送队列一度积压了 ${peak} 字节：每次 send() 之前先等 bufferedAmount 降到阈值以下。`,
      `The send queue held ${peak} bytes at one point: before each send(), wait until bufferedAmount is below a limit.`,
    );
  }
  if (serverReceived(socket) < total) {
    return fail(
      '等服务器报告它读完了全部字节（type 为 "message" 且 received 等于总数）再关闭连接。',
      'Wait for the server to report it has read every byte (type "message" with received equal to the total) before closing.',
    );
  }
  return PASS;
}

export default function check(run: RunRecord): CheckResult {
  const slow = socketsTo(run, '/slow');
  if (slow.length === 0) return fail('打开一个到 SERVER_URL + "/slow" 的连接。', 'Open a socket to SERVER_URL + "/slow".');
  const results = slow.map(judge);
  return results.find((r) => r.pass) ?? results[results.length - 1]!;
}
