// Passes when, for each size the task names, a message of exactly that size
// went to /echo and came back, and after that echo arrived the code printed a
// line with the size and the right header size of the frame a browser sends
// (always masked). The sizes sit on both sides of each boundary of the length
// field, so a formula that is off by one anywhere shows up.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { LessonCheck, SocketRecord } from '../../site/runner/run-record.ts';
import { frameHeaderSize } from '../../site/demos/kit/frame-header.ts';
import { consoleSince, fail, frameRunTime, numbersIn, PASS, socketsTo } from '../check-helpers.ts';

export const task = {
  /** The message sizes the starter sends and the check asks about. */
  SIZES: [125, 126, 65535, 65536],
  /** Bytes of mask a browser adds to every frame it sends. */
  MASK: 4,
} as const;

/** Run time at which the echo of a `size`-byte message came back on `socket`, if it did. */
function echoedAt(socket: SocketRecord, size: number): number | undefined {
  const sent = socket.frames.find((f) => f.dir === 'out' && f.size === size);
  const back = sent && socket.frames.find((f) => f.dir === 'in' && f.type === sent.type && f.size === size && f.time >= sent.time);
  return back && frameRunTime(socket, back);
}

const check: LessonCheck = (run) => {
  const sockets = socketsTo(run, WS_PATHS.echo);
  if (sockets.length === 0) {
    return fail('用 new WebSocket(ECHO_URL) 连接回声服务器。', 'Connect to the echo server with new WebSocket(ECHO_URL).');
  }
  const echoes = task.SIZES.map((size) => ({ size, at: sockets.map((s) => echoedAt(s, size)).find((t) => t !== undefined) }));
  const missing = echoes.filter((e) => e.at === undefined).map((e) => e.size);
  if (missing.length > 0) {
    return fail(
      `还缺这些大小的消息（发出并收到回声）：${missing.join('、')} 字节。`,
      `Still missing a message (sent and echoed) of exactly ${missing.join(', ')} bytes.`,
    );
  }
  // A line about one size: it names that size and no other size of the task.
  const wrong = echoes.filter(({ size, at }) => {
    const header = frameHeaderSize(size, true);
    return !consoleSince(run, at!).some((line) => {
      const numbers = numbersIn(line);
      return numbers.includes(size) && numbers.includes(header) && !task.SIZES.some((other) => other !== size && numbers.includes(other));
    });
  });
  if (wrong.length > 0) {
    const list = wrong.map((e) => e.size);
    return fail(
      `${list.join('、')} 字节的消息：回声到达之后，没有一行同时写着它的长度和正确的帧头大小。想想长度字段什么时候要多 2 个或 8 个字节，别忘了 ${task.MASK} 字节掩码。`,
      `For ${list.join(', ')} bytes: after its echo arrived, no line shows both the length and the right header size. Think about when the length takes 2 or 8 extra bytes, and do not forget the ${task.MASK}-byte mask.`,
    );
  }
  return PASS;
};

export default check;
