// Passes when the code pinged /heartbeat, noticed each time the server went
// silent (a ping left unanswered past a deadline), closed that socket and opened
// a new one, at least twice, and the last connection answered its pings.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { CheckResult, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { enteredState, fail, frameRunTime, PASS, socketsTo } from '../check-helpers.ts';

export const task = {
  /** Ping every 500 ms, give up 1000 ms after an unanswered ping, three connections. */
  PING_EVERY_MS: 500,
  DEADLINE_MS: 1000,
  MIN_RECONNECTS: 2,
  FINAL_REPLIES: 3,
  /** Tolerances: giving up sooner than this after the first unanswered ping is not a deadline… */
  MIN_WAIT_AFTER_PING_MS: 250,
  /** …and noticing later than this after the last reply is too slow. */
  MAX_DETECT_MS: 4000,
} as const;
const { PING_EVERY_MS, DEADLINE_MS, MIN_RECONNECTS, FINAL_REPLIES, MIN_WAIT_AFTER_PING_MS, MAX_DETECT_MS } = task;

const replies = (s: SocketRecord) => s.frames.filter((f) => f.dir === 'in');

/** Why replacing `dead` by `next` was not a detected dead connection, or null when it was. */
function judgeReplacement(dead: SocketRecord, next: SocketRecord, n: number): CheckResult | null {
  const answered = replies(dead);
  if (answered.length === 0) {
    return fail(
      `第 ${n} 个连接一次回复都没收到就被换掉了：连上就开始发 ping。`,
      `Connection ${n} was replaced before any reply arrived: start pinging as soon as it opens.`,
    );
  }
  const lastReply = frameRunTime(dead, answered[answered.length - 1]!);
  const unanswered = dead.frames.find((f) => f.dir === 'out' && frameRunTime(dead, f) > lastReply);
  if (!unanswered) {
    return fail(
      `第 ${n} 个连接的每个 ping 都得到了回复，却被换掉了：只在 ping 超过期限没有回复时才重连。`,
      `Connection ${n} answered every ping, yet it was replaced: reconnect only when a ping goes unanswered past its deadline.`,
    );
  }
  const waited = Math.round(next.createdAt - frameRunTime(dead, unanswered));
  if (waited < MIN_WAIT_AFTER_PING_MS) {
    return fail(
      `第 ${n} 个连接在没回复的 ping 发出 ${waited} 毫秒后就被放弃了：要等满期限（${DEADLINE_MS} 毫秒）。`,
      `Connection ${n} was given up ${waited} ms after its unanswered ping: wait for the deadline (${DEADLINE_MS} ms).`,
    );
  }
  const noticed = Math.round(next.createdAt - lastReply);
  if (noticed > MAX_DETECT_MS) {
    return fail(
      `第 ${n} 个连接最后一次回复之后过了 ${noticed} 毫秒才重连：每 ${PING_EVERY_MS} 毫秒 ping 一次，${DEADLINE_MS} 毫秒没回复就放弃。`,
      `Connection ${n} was replaced ${noticed} ms after its last reply: ping every ${PING_EVERY_MS} ms and give up after ${DEADLINE_MS} ms without a reply.`,
    );
  }
  const closing = enteredState(dead, 2);
  if (closing === undefined || closing > next.createdAt + DEADLINE_MS) {
    return fail(
      `放弃第 ${n} 个连接时要调用它的 close()，不然它会一直占着。`,
      `Call close() on connection ${n} when you give up on it; otherwise it lingers.`,
    );
  }
  return null;
}

export default function check(run: RunRecord): CheckResult {
  const sockets = socketsTo(run, WS_PATHS.heartbeat);
  if (sockets.length === 0) {
    return fail(
      '连接 SERVER_URL + "/heartbeat?silentAfter=1000&jitter=2000"。',
      'Connect to SERVER_URL + "/heartbeat?silentAfter=1000&jitter=2000".',
    );
  }
  for (let i = 0; i + 1 < sockets.length; i++) {
    const problem = judgeReplacement(sockets[i]!, sockets[i + 1]!, i + 1);
    if (problem) return problem;
  }
  if (sockets.length < MIN_RECONNECTS + 1) {
    return fail(
      `服务器沉默后要发现并重连：至少重连 ${MIN_RECONNECTS} 次（现在是 ${sockets.length - 1} 次）。`,
      `Notice the silence and reconnect: at least ${MIN_RECONNECTS} reconnects are needed (so far ${sockets.length - 1}).`,
    );
  }
  if (replies(sockets[sockets.length - 1]!).length < FINAL_REPLIES) {
    return fail(`最后一个连接要至少回复 ${FINAL_REPLIES} 个 ping。`, `The last connection must answer at least ${FINAL_REPLIES} pings.`);
  }
  return PASS;
}
