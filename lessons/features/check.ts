// Passes when the code sent /echo one message from each length range of the
// frame header (7-bit, 16-bit and 64-bit length), each came back, and for
// each range it printed a line with that message's length and the right
// header size for a browser's frame, which is always masked.
import type { FrameRecord, LessonCheck, SocketRecord } from '../../site/runner/run-record.ts';
import { frameHeaderSize } from '../../site/demos/frame-header.ts';
import { fail, mentionsNumber, PASS, socketsTo } from '../check-helpers.ts';

const RANGES = [
  { name: '0–125', holds: (n: number) => n <= 125 },
  { name: '126–65535', holds: (n: number) => n >= 126 && n <= 0xffff },
  { name: '≥ 65536', holds: (n: number) => n > 0xffff },
];

/** Outgoing frames whose echo (same type and size) came back on the same socket. */
function echoedSends(socket: SocketRecord): FrameRecord[] {
  const back = socket.frames.filter((f) => f.dir === 'in');
  return socket.frames.filter((f) => f.dir === 'out' && back.some((b) => b.type === f.type && b.size === f.size));
}

const check: LessonCheck = (run) => {
  const sockets = socketsTo(run, '/echo');
  if (sockets.length === 0) {
    return fail('用 new WebSocket(ECHO_URL) 连接回声服务器。', 'Connect to the echo server with new WebSocket(ECHO_URL).');
  }
  const sent = sockets.flatMap(echoedSends);
  const missing = RANGES.filter((range) => !sent.some((f) => range.holds(f.size)));
  if (missing.length > 0) {
    const list = missing.map((r) => r.name).join(', ');
    return fail(
      `还缺这些长度区间的消息（发出并收到回声）：${list} 字节。`,
      `Still missing a message (sent and echoed) with a length in: ${list} bytes.`,
    );
  }
  const lines = run.console.map((c) => c.text);
  const wrong = RANGES.filter(
    (range) =>
      !sent.some((f) => range.holds(f.size) && lines.some((l) => mentionsNumber(l, f.size) && mentionsNumber(l, frameHeaderSize(f.size, true)))),
  );
  if (wrong.length > 0) {
    const list = wrong.map((r) => r.name).join(', ');
    return fail(
      `长度在 ${list} 字节的消息，没有找到同时写着长度和正确帧头大小的一行。想想长度字段什么时候要多 2 个或 8 个字节，别忘了 4 字节掩码。`,
      `For the message in ${list} bytes, no line shows both its length and the right header size. Think about when the length takes 2 or 8 extra bytes, and do not forget the 4-byte mask.`,
    );
  }
  return PASS;
};

export default check;
