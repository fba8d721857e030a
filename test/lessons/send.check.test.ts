import { describe, expect, it } from 'vitest';
import check from '../../lessons/send/check.ts';
import { frame, logs, run, socket } from './run-builder.ts';

const ECHO = 'ws://127.0.0.1:8080/echo';
const PIXEL_BYTES = 300 * 150 * 4;

function pixelsRoundTrip(binaryKindIn: string | undefined, binaryType: 'blob' | 'arraybuffer') {
  return socket({
    url: ECHO,
    binaryType,
    frames: [
      frame('out', 'binary', PIXEL_BYTES, { binaryKind: 'ArrayBuffer' }),
      frame('in', 'binary', PIXEL_BYTES, { binaryKind: binaryKindIn }),
    ],
  });
}

describe('send check', () => {
  it('passes when pixels go out as an ArrayBuffer and come back as one, with the size printed', () => {
    const result = check(run({ sockets: [pixelsRoundTrip('ArrayBuffer', 'arraybuffer')], console: logs(`got back ArrayBuffer of ${PIXEL_BYTES} bytes`) }));
    expect(result).toEqual({ pass: true });
  });

  it('accepts a typed array view instead of .buffer, and the runner not naming the received kind', () => {
    const s = pixelsRoundTrip(undefined, 'arraybuffer');
    s.frames[0]!.binaryKind = 'Uint8ClampedArray';
    expect(check(run({ sockets: [s], console: logs(`${PIXEL_BYTES}`) })).pass).toBe(true);
  });

  it('fails with no socket to /echo', () => {
    const result = check(run({ sockets: [socket({ url: 'ws://127.0.0.1:8080/push' })] }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/ECHO_URL/);
  });

  it('fails for the starter: text and a file (a Blob) only', () => {
    const starter = socket({
      url: ECHO,
      frames: [
        frame('out', 'text', 11),
        frame('in', 'text', 11),
        frame('out', 'binary', 2048, { binaryKind: 'File' }),
        frame('in', 'binary', 2048, { binaryKind: 'Blob' }),
      ],
    });
    const result = check(run({ sockets: [starter], console: logs('Blob of 2048 bytes', `${PIXEL_BYTES} bytes (not sent yet)`) }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/ArrayBuffer/);
  });

  it('fails when the pixels were sent but the run closed before the echo came back (or is still running)', () => {
    const s = pixelsRoundTrip('ArrayBuffer', 'arraybuffer');
    s.frames.pop();
    const result = check(run({ sockets: [s], status: 'running' }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/Wait/);
  });

  it('fails when binaryType stayed "blob"', () => {
    const result = check(run({ sockets: [pixelsRoundTrip('Blob', 'blob')], console: logs(`${PIXEL_BYTES}`) }));
    expect(result.pass).toBe(false);
    expect(result.hint?.zh).toMatch(/binaryType/);
  });

  it('fails when the received size is never printed (a longer number does not count)', () => {
    const result = check(run({ sockets: [pixelsRoundTrip('ArrayBuffer', 'arraybuffer')], console: logs(`${PIXEL_BYTES}0 bytes`, 'done') }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/byteLength/);
  });

  it('does not count an echo of a different size as the round trip', () => {
    const s = pixelsRoundTrip('ArrayBuffer', 'arraybuffer');
    s.frames[1]!.size = 10;
    expect(check(run({ sockets: [s], console: logs(`${PIXEL_BYTES}`) })).pass).toBe(false);
  });
});
