// Passes when the code reconnected to /close at least three times, each new
// socket created only after the previous one closed with a code other than
// 1000, and each wait at least 1.5 times the one before (exponential backoff).
import type { CheckResult, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { fail, PASS, socketsTo } from '../check-helpers.ts';

const MIN_ATTEMPTS = 4;
const MIN_FIRST_WAIT_MS = 100;
const MIN_GROWTH = 1.5;

const overlapping = () =>
  fail('等上一个连接的 close 事件之后再重连，不要同时开多个连接。', 'Reconnect only after the previous socket’s close event; do not open sockets side by side.');

/** Run time at which a socket's close event fired. */
const closedAt = (s: SocketRecord) => s.createdAt + s.close!.time;

export default function check(run: RunRecord): CheckResult {
  const attempts = socketsTo(run, '/close');
  if (attempts.length === 0) {
    return fail('连接 SERVER_URL + "/close?code=1013"。', 'Connect to SERVER_URL + "/close?code=1013".');
  }
  if (attempts.length < MIN_ATTEMPTS) {
    return fail(
      `连接关闭后要重连：至少要有 ${MIN_ATTEMPTS} 次尝试。`,
      `Reconnect after each close: at least ${MIN_ATTEMPTS} attempts are needed.`,
    );
  }

  const waits: number[] = [];
  for (let i = 1; i < attempts.length; i++) {
    const before = attempts[i - 1]!;
    if (!before.close) {
      return overlapping();
    }
    if (before.close.code === 1000) {
      return fail('关闭码 1000 表示正常关闭，这时不应重连。', 'Close code 1000 is a normal close: do not reconnect after it.');
    }
    const wait = attempts[i]!.createdAt - closedAt(before);
    if (wait < 0) {
      return overlapping();
    }
    waits.push(wait);
  }

  if (waits[0]! < MIN_FIRST_WAIT_MS) {
    return fail(
      `第一次重连前至少等待 ${MIN_FIRST_WAIT_MS} 毫秒（练习用 200 毫秒）。`,
      `Wait at least ${MIN_FIRST_WAIT_MS} ms before the first retry (the exercise uses 200 ms).`,
    );
  }
  // The first waits must grow; later ones may level off at a cap.
  const checked = waits.slice(0, MIN_ATTEMPTS - 1);
  const measured = checked.map((w) => `${Math.round(w)}`).join(', ');
  for (let i = 1; i < checked.length; i++) {
    if (checked[i]! < checked[i - 1]! * MIN_GROWTH) {
      return fail(
        `重连前的等待时间是 ${measured} 毫秒：每次都应翻倍（200、400、800…）。`,
        `The waits before reconnecting were ${measured} ms: each should double (200, 400, 800…).`,
      );
    }
  }
  return PASS;
}
