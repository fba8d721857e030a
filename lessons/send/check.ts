// Passes when the code sent the canvas pixels (exactly the canvas's bytes, as
// an ArrayBuffer or a typed array, not a Blob) to /echo, received them back
// as an ArrayBuffer, and after they arrived printed their exact byte count.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import type { CheckResult, FrameRecord, RunRecord, SocketRecord } from '../../site/runner/run-record.ts';
import { consoleSince, fail, frameRunTime, numbersIn, PASS, socketsTo } from '../check-helpers.ts';

/** The lesson's canvas (site/components/Playground.astro), read as RGBA: 4 bytes a pixel. */
const WIDTH = 400;
const HEIGHT = 320;
export const task = { WIDTH, HEIGHT, BYTES: WIDTH * HEIGHT * 4 } as const;

const isBlobKind = (kind: string | undefined) => kind === 'Blob' || kind === 'File';

function receivedAsArrayBuffer(socket: SocketRecord, frame: FrameRecord): boolean {
  // Prefer what the runner saw on the frame; fall back to the socket's setting.
  return frame.binaryKind ? frame.binaryKind === 'ArrayBuffer' : socket.binaryType === 'arraybuffer';
}

/** Each echo of the pixels that came back on `socket`, with the run time it arrived. */
function pixelEchoes(socket: SocketRecord): Array<{ frame: FrameRecord; at: number }> {
  const sent = socket.frames.find((f) => f.dir === 'out' && f.type === 'binary' && f.size === task.BYTES && !isBlobKind(f.binaryKind));
  if (!sent) return [];
  return socket.frames
    .filter((f) => f.dir === 'in' && f.type === 'binary' && f.size === task.BYTES && f.time >= sent.time)
    .map((frame) => ({ frame, at: frameRunTime(socket, frame) }));
}

export default function check(run: RunRecord): CheckResult {
  const echoSockets = socketsTo(run, WS_PATHS.echo);
  if (echoSockets.length === 0) {
    return fail('打开一个到 ECHO_URL 的连接。', 'Open a socket to ECHO_URL.');
  }
  const sentPixels = echoSockets.some((s) =>
    s.frames.some((f) => f.dir === 'out' && f.type === 'binary' && f.size === task.BYTES && !isBlobKind(f.binaryKind)),
  );
  if (!sentPixels) {
    return fail(
      `把画布像素（${task.BYTES} 字节）作为 ArrayBuffer 发出去：ws.send(PIXELS.data.buffer)。`,
      `Send the canvas pixels (${task.BYTES} bytes) as an ArrayBuffer: ws.send(PIXELS.data.buffer).`,
    );
  }
  const echoes = echoSockets.flatMap((s) => pixelEchoes(s).map((e) => ({ ...e, socket: s })));
  if (echoes.length === 0) {
    return fail('等回声服务器把这些字节送回来再关闭连接。', 'Wait for the echo server to send the bytes back before closing.');
  }
  const asArrayBuffer = echoes.filter(({ socket, frame }) => receivedAsArrayBuffer(socket, frame));
  if (asArrayBuffer.length === 0) {
    return fail(
      '回来的数据是 Blob。在收到消息之前设置 ws.binaryType = "arraybuffer"。',
      'The reply arrived as a Blob. Set ws.binaryType = "arraybuffer" before the message arrives.',
    );
  }
  const printed = asArrayBuffer.some(({ at }) => consoleSince(run, at).some((line) => numbersIn(line).includes(task.BYTES)));
  if (!printed) {
    return fail(
      '像素回来之后，打印收到的 ArrayBuffer 的 byteLength。',
      'Once the pixels are back, print the byteLength of the ArrayBuffer you received.',
    );
  }
  return PASS;
}
