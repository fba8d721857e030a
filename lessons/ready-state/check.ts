// Passes when one socket went through all four states, CONNECTING → OPEN →
// CLOSING → CLOSED (so the code closed it itself), and the code printed each
// state's name while the socket was in that state.
import type { LessonCheck, ReadyState, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { enteredState, fail, PASS } from '../check-helpers.ts';

const NAMES = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'] as const;
const STATES: ReadyState[] = [0, 1, 2, 3];
// The runner stamps states and console lines separately; allow for rounding.
const SLACK_MS = 2;

/** The one state name a line mentions, or undefined for none or several. */
function nameIn(line: string): ReadyState | undefined {
  const found = STATES.filter((s) => new RegExp(`\\b${NAMES[s]}\\b`).test(line));
  return found.length === 1 ? found[0] : undefined;
}

function wentThroughAll(socket: SocketRecord): boolean {
  const times = STATES.map((s) => enteredState(socket, s));
  return times.every((t, i) => t !== undefined && (i === 0 || t >= times[i - 1]!));
}

/** Whether each state's name was printed while `socket` was in that state. */
function printedEachInItsState(run: RunRecord, socket: SocketRecord): boolean {
  return STATES.every((s) => {
    const from = enteredState(socket, s)! - SLACK_MS;
    const next = s < 3 ? enteredState(socket, (s + 1) as ReadyState) : undefined;
    const until = next === undefined ? Infinity : next + SLACK_MS;
    return run.console.some((c) => nameIn(c.text) === s && c.time >= from && c.time <= until);
  });
}

const check: LessonCheck = (run) => {
  if (run.sockets.length === 0) {
    return fail('先用 new WebSocket(ECHO_URL) 打开一个连接。', 'First open a socket with new WebSocket(ECHO_URL).');
  }
  const complete = run.sockets.filter(wentThroughAll);
  if (complete.length === 0) {
    const closedWithoutClosing = run.sockets.some((s) => enteredState(s, 3) !== undefined && enteredState(s, 2) === undefined);
    return closedWithoutClosing
      ? fail(
          '连接没有经过 CLOSING 就关闭了（打开失败或被服务器关闭）。在 onopen 里自己调用 ws.close()。',
          'The socket closed without passing through CLOSING (it failed to open or the server closed it). Call ws.close() yourself in onopen.',
        )
      : fail(
          '让连接走完四个状态：等 open 之后调用 ws.close()，再等 close 事件。',
          'Let the socket go through all four states: call ws.close() after open, then wait for the close event.',
        );
  }
  if (!complete.some((socket) => printedEachInItsState(run, socket))) {
    return fail(
      '在每个状态下打印它的名字：构造之后打印 CONNECTING，onopen 里打印 OPEN，调用 close() 之后立刻打印 CLOSING，onclose 里打印 CLOSED。用 WebSocket.CONNECTING 等常量把数字换成名字，一行只写一个名字。',
      'Print each state by name while the socket is in it: CONNECTING after construction, OPEN in onopen, CLOSING right after calling close(), CLOSED in onclose. Map the number to its name with the WebSocket.CONNECTING… constants, one name per line.',
    );
  }
  return PASS;
};

export default check;
