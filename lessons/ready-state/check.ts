// Passes when one socket went through all four states, CONNECTING → OPEN →
// CLOSING → CLOSED (so the code closed it itself), the code printed each
// state's name while the socket was in that state, every state name it
// printed was the socket's real state at that moment, and no name was typed
// into a console call: the names must come from readyState.
import type { LessonCheck, ReadyState, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { scan } from '../../site/course/js-scan.ts';
import { consoleCallsInCode, enteredState, fail, PASS } from '../check-helpers.ts';

export const task = {
  /** The runner stamps states and console lines separately; a line may be this many ms off. */
  SLACK_MS: 2,
} as const;

const NAMES = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'] as const;
const STATES: ReadyState[] = [0, 1, 2, 3];
const namePattern = (s: ReadyState) => new RegExp(`\\b${NAMES[s]}\\b`);

/** The one state name a text mentions, or undefined for none or several. */
function nameIn(text: string): ReadyState | undefined {
  const found = STATES.filter((s) => namePattern(s).test(text));
  return found.length === 1 ? found[0] : undefined;
}

function wentThroughAll(socket: SocketRecord): boolean {
  const times = STATES.map((s) => enteredState(socket, s));
  return times.every((t, i) => t !== undefined && (i === 0 || t >= times[i - 1]!));
}

/** The states `socket` may have been in at run time `time`, allowing for the stamps' slack. */
function statesAt(socket: SocketRecord, time: number): ReadyState[] {
  return STATES.filter((s) => {
    const from = enteredState(socket, s)! - task.SLACK_MS;
    const next = s < 3 ? enteredState(socket, (s + 1) as ReadyState) : undefined;
    return time >= from && (next === undefined || time <= next + task.SLACK_MS);
  });
}

/** Lines that name one state, with that state and the time printed. */
function namedLines(run: RunRecord): Array<{ state: ReadyState; time: number; text: string }> {
  return run.console.flatMap((c) => {
    const state = nameIn(c.text);
    return state === undefined ? [] : [{ state, time: c.time, text: c.text }];
  });
}

/** Console calls whose string or template text holds a state name: typed, not computed. */
function typedNames(run: RunRecord): string[] {
  return consoleCallsInCode(run).filter((call) =>
    scan(call).some(
      (t) => (t.kind === 'string' || t.kind === 'template') && STATES.some((s) => namePattern(s).test(call.slice(t.start, t.end))),
    ),
  );
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
          '连接没有经过 CLOSING 就关闭了（打开失败或被服务器关闭）。在 onopen 或 onmessage 里自己调用 ws.close()。',
          'The socket closed without passing through CLOSING (it failed to open or the server closed it). Call ws.close() yourself in onopen or onmessage.',
        )
      : fail(
          '让连接走完四个状态：等 open 之后调用 ws.close()，再等 close 事件。',
          'Let the socket go through all four states: call ws.close() after open, then wait for the close event.',
        );
  }
  const typed = typedNames(run);
  if (typed.length > 0) {
    return fail(
      `状态名要由 readyState 算出来，不能直接写进 console.log：${typed[0]}`,
      `The state names must come from readyState, not be typed into console.log: ${typed[0]}`,
    );
  }
  const lines = namedLines(run);
  const judged = complete.map((socket) => ({
    wrong: lines.find((l) => !statesAt(socket, l.time).includes(l.state)),
    missing: STATES.filter((s) => !lines.some((l) => l.state === s && statesAt(socket, l.time).includes(s))),
  }));
  if (judged.some((j) => !j.wrong && j.missing.length === 0)) return PASS;
  const { wrong, missing } = judged[0]!;
  if (wrong) {
    return fail(
      `这一行打印的状态名和连接当时的真实状态不符：“${wrong.text}”。用 WebSocket.CONNECTING 等常量把数字换成名字。`,
      `This line names a state the socket was not in at that moment: "${wrong.text}". Map the number to its name with the WebSocket.CONNECTING… constants.`,
    );
  }
  const list = missing.map((s) => NAMES[s]);
  return fail(
    `还没有在对应状态下打印这些名字：${list.join('、')}。构造之后打印 CONNECTING，onopen 里打印 OPEN，调用 close() 之后立刻打印 CLOSING，onclose 里打印 CLOSED，一行只写一个名字。`,
    `Not yet printed while the socket was in that state: ${list.join(', ')}. Print CONNECTING after construction, OPEN in onopen, CLOSING right after calling close(), CLOSED in onclose, one name per line.`,
  );
};

export default check;
