// Passes when the code sent bytes that are not a Blob (an ArrayBuffer or a
// typed array, e.g. the canvas pixels) to /echo, received them back as an
// ArrayBuffer of the same size, and printed that size.
import type { CheckResult, FrameRecord, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { fail, PASS, socketsTo } from '../check-helpers.ts';

const isBlobKind = (kind: string | undefined) => kind === 'Blob' || kind === 'File';

function receivedAsArrayBuffer(socket: SocketRecord, frame: FrameRecord): boolean {
  // Prefer what the runner saw on the frame; fall back to the socket's setting.
  return frame.binaryKind ? frame.binaryKind === 'ArrayBuffer' : socket.binaryType === 'arraybuffer';
}

export default function check(run: RunRecord): CheckResult {
  const echoSockets = socketsTo(run, '/echo');
  if (echoSockets.length === 0) {
    return fail('打开一个到 ECHO_URL 的连接。', 'Open a socket to ECHO_URL.');
  }

  const bufferSends = echoSockets.flatMap((s) =>
    s.frames.filter((f) => f.dir === 'out' && f.type === 'binary' && f.size > 0 && !isBlobKind(f.binaryKind)).map((f) => ({ s, f })),
  );
  if (bufferSends.length === 0) {
    return fail(
      '把画布像素作为 ArrayBuffer 发出去：ws.send(PIXELS.data.buffer)。',
      'Send the canvas pixels as an ArrayBuffer: ws.send(PIXELS.data.buffer).',
    );
  }

  const echoed = bufferSends.filter(({ s, f }) =>
    s.frames.some((g) => g.dir === 'in' && g.type === 'binary' && g.size === f.size),
  );
  if (echoed.length === 0) {
    return fail('等回声服务器把这些字节送回来再关闭连接。', 'Wait for the echo server to send the bytes back before closing.');
  }

  const asArrayBuffer = echoed.filter(({ s, f }) =>
    s.frames.some((g) => g.dir === 'in' && g.type === 'binary' && g.size === f.size && receivedAsArrayBuffer(s, g)),
  );
  if (asArrayBuffer.length === 0) {
    return fail(
      '回来的数据是 Blob。在收到消息之前设置 ws.binaryType = "arraybuffer"。',
      'The reply arrived as a Blob. Set ws.binaryType = "arraybuffer" before the message arrives.',
    );
  }

  const printed = run.console.map((c) => c.text).join('\n');
  const sizePrinted = asArrayBuffer.some(({ f }) => new RegExp(`(^|\\D)${f.size}(\\D|$)`).test(printed));
  if (!sizePrinted) {
    return fail(
      '打印收到的 ArrayBuffer 的 byteLength。',
      'Print the byteLength of the ArrayBuffer you received.',
    );
  }
  return PASS;
}
