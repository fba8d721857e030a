// Passes when a socket to /push sent nothing, received at least WANTED
// readings, the code printed each of the first WANTED readings' seq (exactly,
// as a whole number) after that reading arrived, and the socket was then
// closed with 1000. The seq is the server's clock in seconds, so it cannot be
// printed without reading it.
import { CloseCode } from '../../contracts/close-codes.ts';
import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { LessonCheck, SocketRecord } from '../../site/runner/run-record.ts';
import { consoleSince, fail, frameRunTime, incomingText, numbersIn, parseJson, PASS, socketsTo } from '../check-helpers.ts';

export const task = { WANTED: 5, CLOSE_CODE: CloseCode.Normal } as const;

/** The readings a socket received, with the run time each arrived at. */
function readings(socket: SocketRecord): Array<{ seq: number; time: number }> {
  return incomingText(socket).flatMap((frame) => {
    const msg = parseJson(frame.text) as { type?: unknown; seq?: unknown } | undefined;
    return msg?.type === 'reading' && typeof msg.seq === 'number' ? [{ seq: msg.seq, time: frameRunTime(socket, frame) }] : [];
  });
}

const check: LessonCheck = (run) => {
  const { WANTED, CLOSE_CODE } = task;
  const sockets = socketsTo(run, WS_PATHS.push);
  if (sockets.length === 0) {
    return fail(
      '连接 `${SERVER_URL}/push`，服务器会主动推送读数。',
      'Connect to `${SERVER_URL}/push`; the server pushes readings by itself.',
    );
  }
  const listening = sockets.filter((s) => !s.frames.some((f) => f.dir === 'out'));
  if (listening.length === 0) {
    return fail(
      '不需要发送任何东西：去掉 send()，只接收服务器推来的读数。',
      'There is no need to send anything: drop the send() and only receive what the server pushes.',
    );
  }
  const enough = listening.filter((s) => readings(s).length >= WANTED);
  if (enough.length === 0) {
    return fail(`收到 ${WANTED} 条读数之后再关闭连接。`, `Keep the socket open until ${WANTED} readings have arrived.`);
  }
  const printed = enough.filter((s) =>
    readings(s)
      .slice(0, WANTED)
      .every(({ seq, time }) => consoleSince(run, time).some((line) => numbersIn(line).includes(seq))),
  );
  if (printed.length === 0) {
    return fail(
      `每条读数到达之后，打印它的 seq：前 ${WANTED} 条都要。`,
      `Print the seq of each of the first ${WANTED} readings, after it arrived.`,
    );
  }
  const closedAfter = printed.some((s) => s.close?.code === CLOSE_CODE && s.createdAt + s.close.time >= readings(s)[WANTED - 1]!.time);
  if (!closedAfter) {
    return fail(
      `收到第 ${WANTED} 条之后，用 ws.close(${CLOSE_CODE}) 关闭连接。`,
      `After reading ${WANTED}, close the socket with ws.close(${CLOSE_CODE}).`,
    );
  }
  return PASS;
};

export default check;
