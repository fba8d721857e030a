// Passes when the code sent the whole total to /slow in chunks no bigger than
// the task's, decided when to send by reading bufferedAmount, never let the
// send queue grow past the limit plus one chunk, the server confirmed reading
// every byte, and the socket was then closed with 1000.
import { CloseCode } from '../../contracts/close-codes.ts';
import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { CheckResult, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { codeOutsideConsole, fail, frameRunTime, incomingText, parseJson, PASS, socketsTo } from '../check-helpers.ts';

const CHUNK_KIB = 64;
const LIMIT_KIB = 256;
export const task = {
  /** The rate /slow reads at, in bytes per second (the starter's URL). */
  BPS: 2 * 1024 * 1024,
  TOTAL_MIB: 4,
  /** The biggest chunk the code may send at once. */
  CHUNK_KIB,
  /** Wait before each send() until bufferedAmount is at most this. */
  LIMIT_KIB,
  /** The most bufferedAmount may hold: the limit plus the chunk sent right after waiting for it. */
  PEAK_KIB: LIMIT_KIB + CHUNK_KIB,
} as const;

const KiB = 1024;
const TOTAL = task.TOTAL_MIB * 1024 * KiB;

/** Bytes the server says it has read as whole messages, and when its last report came. */
function serverRead(socket: SocketRecord): { bytes: number; at: number } {
  let bytes = 0;
  let at = 0;
  for (const f of incomingText(socket)) {
    const report = parseJson(f.text) as { type?: unknown; size?: unknown } | undefined;
    if (report?.type === 'message' && typeof report.size === 'number') {
      bytes += report.size;
      at = frameRunTime(socket, f);
    }
  }
  return { bytes, at };
}

function judge(run: RunRecord, socket: SocketRecord): CheckResult {
  const chunks = socket.frames.filter((f) => f.dir === 'out' && f.type === 'binary');
  const biggest = Math.max(0, ...chunks.map((f) => f.size));
  if (biggest > task.CHUNK_KIB * KiB) {
    return fail(
      `有一块是 ${biggest} 字节：把数据切成每块最多 ${task.CHUNK_KIB} KiB，逐块发送。`,
      `One chunk was ${biggest} bytes: split the data into chunks of at most ${task.CHUNK_KIB} KiB and send them one by one.`,
    );
  }
  const total = chunks.reduce((sum, f) => sum + f.size, 0);
  if (total < TOTAL) {
    return fail(
      `一共要向 /slow 发送 ${task.TOTAL_MIB} MiB（目前 ${total} 字节）。`,
      `Send ${task.TOTAL_MIB} MiB to /slow in all (so far ${total} bytes).`,
    );
  }
  const peak = Math.max(0, ...socket.buffered.map((b) => b.amount));
  if (peak > task.PEAK_KIB * KiB) {
    return fail(
      `发送队列一度积压了 ${peak} 字节：每次 send() 之前，先等 bufferedAmount 降到 ${task.LIMIT_KIB} KiB 或以下。`,
      `The send queue held ${peak} bytes at one point: before each send(), wait until bufferedAmount is at most ${task.LIMIT_KIB} KiB.`,
    );
  }
  if (!/\bbufferedAmount\b/.test(codeOutsideConsole(run))) {
    return fail(
      '你的代码没有根据 bufferedAmount 决定何时发送（只是打印它不算）：每次 send() 之前读它，超过上限就等。',
      'Your code does not read bufferedAmount to decide when to send (printing it does not count): read it before each send() and wait while it is over the limit.',
    );
  }
  const read = serverRead(socket);
  if (read.bytes < total) {
    return fail(
      '等服务器的 "message" 报告里的 size 加起来等于你发送的总字节数，再关闭连接。',
      'Wait until the sizes in the server’s "message" reports add up to every byte you sent, then close.',
    );
  }
  if (socket.close?.code !== CloseCode.Normal) {
    return fail(
      '服务器读完全部字节之后，用 ws.close(1000) 关闭连接。',
      'Once the server has read every byte, close the socket with ws.close(1000).',
    );
  }
  return PASS;
}

export default function check(run: RunRecord): CheckResult {
  const slow = socketsTo(run, WS_PATHS.slow);
  if (slow.length === 0) return fail('打开一个到 SERVER_URL + "/slow" 的连接。', 'Open a socket to SERVER_URL + "/slow".');
  const results = slow.map((s) => judge(run, s));
  return results.find((r) => r.pass) ?? results[results.length - 1]!;
}
