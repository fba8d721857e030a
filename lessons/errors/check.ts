// Passes when the code reconnected to /close after each close, one socket at
// a time, never after a 1000 close, exactly MAX_ATTEMPTS times before the run
// ended by itself, and each wait fits exponential backoff: between half and
// all of BASE_MS·2^k (exact doubling or "equal jitter"), or, where the code
// draws random numbers, anywhere from 0 up to it ("full jitter"). Timers may
// fire a little early and, on a busy machine, well late, so every bound is
// widened by TOLERANCE_MS and the upper one by LATE_PERCENT more.
import { CloseCode } from '../../contracts/close-codes.ts';
import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { CheckResult, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { codeOutsideConsole, fail, PASS, socketsTo } from '../check-helpers.ts';

const BASE_MS = 200;
const MAX_ATTEMPTS = 5;
export const task = {
  BASE_MS,
  MAX_ATTEMPTS,
  /** The wait before retry k (k = 1 … MAX_ATTEMPTS − 1) is at most BASE_MS·2^(k−1). */
  DELAYS: Array.from({ length: MAX_ATTEMPTS - 1 }, (_, k) => BASE_MS * 2 ** k),
  TOLERANCE_MS: 50,
  /** How much later than asked a timer may fire on a busy machine, in percent of the wait. */
  LATE_PERCENT: 50,
  /** With full jitter, the waits together must still add up to this: retrying at once is no backoff. */
  MIN_TOTAL_MS: 100,
} as const;

const RANDOM = /\bMath\s*\.\s*random\b|\bgetRandomValues\b/;

const overlapping = () =>
  fail(
    '等上一个连接的 close 事件之后再重连，不要同时开多个连接。',
    'Reconnect only after the previous socket’s close event; do not open sockets side by side.',
  );

/** Run time at which a socket's close event fired. */
const closedAt = (s: SocketRecord) => s.createdAt + s.close!.time;

/** The waits between one close event and the next attempt, or a failing result. */
function waitsBetween(attempts: SocketRecord[]): number[] | CheckResult {
  const waits: number[] = [];
  for (let i = 1; i < attempts.length; i++) {
    const before = attempts[i - 1]!;
    if (!before.close) return overlapping();
    if (before.close.code === CloseCode.Normal) {
      return fail('关闭码 1000 表示正常关闭，这时不应重连。', 'Close code 1000 is a normal close: do not reconnect after it.');
    }
    const wait = attempts[i]!.createdAt - closedAt(before);
    if (wait < 0) return overlapping();
    waits.push(wait);
  }
  return waits;
}

/** Whether the waits fit backoff; `jitter` lets each start from 0. */
function fitsBackoff(waits: number[], jitter: boolean): boolean {
  const { DELAYS, TOLERANCE_MS, LATE_PERCENT, MIN_TOTAL_MS } = task;
  const inWindow = waits.every((w, k) => {
    const delay = DELAYS[k]!;
    return w <= (delay * (100 + LATE_PERCENT)) / 100 + TOLERANCE_MS && (jitter || w >= delay / 2 - TOLERANCE_MS);
  });
  return inWindow && waits.reduce((a, b) => a + b, 0) >= MIN_TOTAL_MS;
}

export default function check(run: RunRecord): CheckResult {
  const attempts = socketsTo(run, WS_PATHS.close);
  if (attempts.length === 0) {
    return fail('连接 SERVER_URL + "/close?code=1013"。', 'Connect to SERVER_URL + "/close?code=1013".');
  }
  const waits = waitsBetween(attempts);
  if (!Array.isArray(waits)) return waits;
  if (attempts.length > task.MAX_ATTEMPTS) {
    return fail(
      `一共尝试了 ${attempts.length} 次：第 ${task.MAX_ATTEMPTS} 次之后要停止重连。`,
      `${attempts.length} attempts: stop retrying after attempt ${task.MAX_ATTEMPTS}.`,
    );
  }
  const measured = waits.map((w) => `${Math.round(w)}`).join(', ');
  if (waits.length > 0 && !fitsBackoff(waits.slice(0, task.DELAYS.length), RANDOM.test(codeOutsideConsole(run)))) {
    return fail(
      `重连前的等待时间是 ${measured} 毫秒：第 1–4 次重连前最多等 ${task.DELAYS.join('、')} 毫秒，至少等它的一半（允许 ${task.TOLERANCE_MS} 毫秒误差，计时器晚到最多 ${task.LATE_PERCENT}%）；用 Math.random 时可以从 0 起。`,
      `The waits before reconnecting were ${measured} ms: before retries 1–4 wait at most ${task.DELAYS.join(', ')} ms and at least half of that (give or take ${task.TOLERANCE_MS} ms, and timers up to ${task.LATE_PERCENT}% late); with Math.random, anything from 0.`,
    );
  }
  if (attempts.length < task.MAX_ATTEMPTS) {
    return fail(
      `连接关闭后要重连，一共 ${task.MAX_ATTEMPTS} 次尝试（目前 ${attempts.length} 次）。`,
      `Reconnect after each close, ${task.MAX_ATTEMPTS} attempts in all (${attempts.length} so far).`,
    );
  }
  if (run.status !== 'finished') {
    return fail(
      `第 ${task.MAX_ATTEMPTS} 次尝试之后，运行应当自己结束：不再重连。`,
      `After attempt ${task.MAX_ATTEMPTS} the run should end by itself, with no more retries.`,
    );
  }
  return PASS;
}
