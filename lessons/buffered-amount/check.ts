// Passes when the code sent at least 1 MiB to /slow in several chunks, the
// server confirmed reading all of it, and the send queue never held more than
// half of it: the code waited for bufferedAmount instead of queueing it all.
import type { CheckResult, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { fail, incomingText, parseJson, PASS, socketsTo } from '../check-helpers.ts';

const MIN_TOTAL = 1024 * 1024;
const MIN_CHUNKS = 8;

/** Bytes the server says it has read as whole messages: the sum of `size` in its `{ type: "message" }` reports. */
function serverRead(socket: SocketRecord): number {
  let bytes = 0;
  for (const f of incomingText(socket)) {
    const report = parseJson(f.text) as { type?: unknown; size?: unknown } | undefined;
    if (report?.type === 'message' && typeof report.size === 'number') bytes += report.size;
  }
  return bytes;
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
  if (serverRead(socket) < total) {
    return fail(
      '等服务器的 "message" 报告里的 size 加起来等于你发送的总字节数，再关闭连接。',
      'Wait until the sizes in the server’s "message" reports add up to every byte you sent, then close.',
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
