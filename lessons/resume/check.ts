// Passes when the code read /numbers through at least three dropped
// connections and got every number from 1 to the end exactly once: each
// reconnect asked for ?since=<last number seen>, waited a jittered delay after
// the close event, and that delay stayed small because it was reset after each
// connection that delivered numbers.
import { CloseCode } from '../../contracts/close-codes.ts';
import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { CheckResult, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { fail, incomingText, parseJson, PASS, socketsTo } from '../check-helpers.ts';

export const task = {
  /** Read 1…60 with dropAfter=15, through at least 3 drops. */
  LAST_NUMBER: 60,
  DROP_AFTER: 15,
  MIN_DROPS: 3,
  /** Each reconnect waits at least this long after the close event… */
  MIN_RETRY_MS: 50,
  /** …and at most this long (the delay resets after a connection that delivered numbers)… */
  MAX_RETRY_MS: 2000,
  /** …and the waits must differ by at least this much somewhere: jitter. */
  MIN_JITTER_SPREAD_MS: 10,
} as const;
const { LAST_NUMBER, DROP_AFTER, MIN_DROPS, MIN_RETRY_MS, MAX_RETRY_MS, MIN_JITTER_SPREAD_MS } = task;
const PATH = `/numbers?until=${LAST_NUMBER}&dropAfter=${DROP_AFTER}`;

function numbersOf(socket: SocketRecord): number[] {
  const seqs: number[] = [];
  for (const f of incomingText(socket)) {
    const message = parseJson(f.text) as { type?: unknown; seq?: unknown } | undefined;
    if (message?.type === 'number' && typeof message.seq === 'number') seqs.push(message.seq);
  }
  return seqs;
}

function sinceOf(socket: SocketRecord): number {
  try {
    return Number(new URL(socket.url).searchParams.get('since') ?? 0) || 0;
  } catch {
    return 0;
  }
}

export default function check(run: RunRecord): CheckResult {
  const sockets = socketsTo(run, WS_PATHS.numbers);
  if (sockets.length === 0) {
    return fail(`连接 SERVER_URL + "${PATH}"。`, `Connect to SERVER_URL + "${PATH}".`);
  }
  let last = 0;
  const waits: number[] = [];
  for (let i = 0; i < sockets.length; i++) {
    const socket = sockets[i]!;
    const since = sinceOf(socket);
    if (i > 0) {
      const before = sockets[i - 1]!;
      if (!before.close || socket.createdAt < before.createdAt + before.close.time) {
        return fail('等上一个连接的 close 事件之后再重连。', 'Reconnect only after the previous socket’s close event.');
      }
      waits.push(socket.createdAt - (before.createdAt + before.close.time));
    }
    if (since < last) {
      return fail(
        `第 ${i + 1} 个连接用 since=${since} 重连，可你已经收到了 ${last}：会重复收到 ${since + 1}–${last}。用 ?since=<收到的最后一个编号>。`,
        `Connection ${i + 1} asked for since=${since} but you had already seen ${last}: ${since + 1}–${last} arrive twice. Use ?since=<last number seen>.`,
      );
    }
    if (since > last) {
      return fail(
        `第 ${i + 1} 个连接用 since=${since} 重连，可你只收到了 ${last}：${last + 1}–${since} 丢了。`,
        `Connection ${i + 1} asked for since=${since} but you had only seen ${last}: ${last + 1}–${since} are lost.`,
      );
    }
    for (const seq of numbersOf(socket)) {
      if (seq !== last + 1) {
        return fail(
          `在 ${last} 之后收到了 ${seq}：编号必须连续、不重复。`,
          `After ${last} came ${seq}: numbers must follow one another, none twice.`,
        );
      }
      last = seq;
    }
  }
  if (last < LAST_NUMBER) {
    return fail(
      `一直读到 ${LAST_NUMBER}（现在到 ${last}）：连接断开后从上次的位置接着读。`,
      `Read up to ${LAST_NUMBER} (so far ${last}): when a connection drops, resume where you left off.`,
    );
  }
  const drops = sockets.filter((s, i) => i + 1 < sockets.length && s.close && s.close.code !== CloseCode.Normal).length;
  if (drops < MIN_DROPS) {
    return fail(
      `至少要经历 ${MIN_DROPS} 次断线（现在 ${drops} 次）：URL 里带上 dropAfter=${DROP_AFTER}。`,
      `Go through at least ${MIN_DROPS} dropped connections (so far ${drops}): keep dropAfter=${DROP_AFTER} in the URL.`,
    );
  }
  const shown = waits.map((w) => Math.round(w)).join(', ');
  if (waits.some((w) => w < MIN_RETRY_MS)) {
    return fail(
      `重连前的等待是 ${shown} 毫秒：每次至少等 ${MIN_RETRY_MS} 毫秒。`,
      `The waits before reconnecting were ${shown} ms: wait at least ${MIN_RETRY_MS} ms each time.`,
    );
  }
  if (waits.some((w) => w > MAX_RETRY_MS)) {
    return fail(
      `重连前的等待是 ${shown} 毫秒：连接收到过数据后，把退避延迟重置回初始值。`,
      `The waits before reconnecting were ${shown} ms: after a connection that delivered numbers, reset the backoff delay.`,
    );
  }
  if (Math.max(...waits) - Math.min(...waits) < MIN_JITTER_SPREAD_MS) {
    return fail(
      `重连前的等待都一样（${shown} 毫秒）：加上随机抖动，让客户端错开。`,
      `Every wait was the same (${shown} ms): add random jitter so clients spread out.`,
    );
  }
  return PASS;
}
