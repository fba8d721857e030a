// Passes when a socket to /push sent nothing, received at least five readings,
// the code printed each of the first five readings' seq after it arrived, and
// the socket ended with close code 1000.
import type { LessonCheck, SocketRecord } from '../../site/runner/run-record.ts';
import { consoleSince, fail, frameRunTime, incomingText, mentionsNumber, parseJson, PASS, socketsTo } from '../check-helpers.ts';

const WANTED = 5;

/** The readings a socket received, with the run time each arrived at. */
function readings(socket: SocketRecord): Array<{ seq: number; time: number }> {
  return incomingText(socket).flatMap((frame) => {
    const msg = parseJson(frame.text) as { type?: unknown; seq?: unknown } | undefined;
    return msg?.type === 'reading' && typeof msg.seq === 'number' ? [{ seq: msg.seq, time: frameRunTime(socket, frame) }] : [];
  });
}

const check: LessonCheck = (run) => {
  const sockets = socketsTo(run, '/push');
  if (sockets.length === 0) {
    return fail('连接 `${SERVER_URL}/push`，服务器会主动推送读数。', 'Connect to `${SERVER_URL}/push`; the server pushes readings by itself.');
  }
  const listening = sockets.filter((s) => !s.frames.some((f) => f.dir === 'out'));
  if (listening.length === 0) {
    return fail('不需要发送任何东西：去掉 send()，只接收服务器推来的读数。', 'There is no need to send anything: drop the send() and only receive what the server pushes.');
  }
  const enough = listening.filter((s) => readings(s).length >= WANTED);
  if (enough.length === 0) {
    return fail(`收到 ${WANTED} 条读数之后再关闭连接。`, `Keep the socket open until ${WANTED} readings have arrived.`);
  }
  const printed = enough.filter((s) =>
    readings(s)
      .slice(0, WANTED)
      .every(({ seq, time }) => consoleSince(run, time).some((line) => mentionsNumber(line, seq))),
  );
  if (printed.length === 0) {
    return fail('把前 5 条读数各自的 seq 打印出来。', 'Print the seq of each of the first 5 readings.');
  }
  if (!printed.some((s) => s.close?.code === 1000)) {
    return fail('收到第 5 条之后，用 ws.close(1000) 关闭连接。', 'After the fifth reading, close the socket with ws.close(1000).');
  }
  return PASS;
};

export default check;
