import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import check, { task } from './check.ts';
import type { FrameRecord, RunRecord } from '../../site/runner/run-record.ts';
import { frame, logsAt, run, socket } from '../../test/lessons/run-builder.ts';

const ECHO = 'ws://127.0.0.1:8080/echo';
const BACK_AT = 40; // ms into the run at which the pixels came back

/** A socket to /echo that sent `out` and received `back` (created at 0, so frame times are run times). */
function roundTrip(
  out: Partial<FrameRecord> & { size?: number },
  back: Partial<FrameRecord> | null,
  binaryType: 'blob' | 'arraybuffer' = 'arraybuffer',
) {
  const frames = [frame('out', 'binary', out.size ?? task.BYTES, { time: 10, ...out })];
  if (back) frames.push(frame('in', 'binary', back.size ?? out.size ?? task.BYTES, { time: BACK_AT, ...back }));
  return socket({ url: ECHO, binaryType, frames });
}
const pixels = roundTrip({ binaryKind: 'ArrayBuffer' }, { binaryKind: 'ArrayBuffer' });
const printedAfter = (lines: string[], sockets = [pixels], at = BACK_AT + 1): RunRecord => run({ sockets, console: logsAt(at, ...lines) });

describe('send check', () => {
  it('knows the canvas the page really has', () => {
    const playground = readFileSync(new URL('../../site/components/Playground.astro', import.meta.url), 'utf8');
    expect(playground).toContain(`<canvas width="${task.WIDTH}" height="${task.HEIGHT}"`);
  });

  describe('passes every correct way', () => {
    it.each<[string, RunRecord]>([
      [
        'the solution: PIXELS.data.buffer, size printed with the kind',
        printedAfter([`sent ${task.BYTES} bytes of pixels, got back ArrayBuffer of ${task.BYTES} bytes`]),
      ],
      [
        'the typed array PIXELS.data itself',
        printedAfter([`${task.BYTES}`], [roundTrip({ binaryKind: 'Uint8ClampedArray' }, { binaryKind: 'ArrayBuffer' })]),
      ],
      ['the received buffer printed as a typed array', printedAfter([`Uint8Array(${task.BYTES}) [12, 40, …]`])],
      ['Chinese output', printedAfter([`收回 ${task.BYTES} 字节`])],
      [
        'the runner not naming the received kind, binaryType arraybuffer',
        printedAfter([`${task.BYTES}`], [roundTrip({ binaryKind: 'ArrayBuffer' }, {})]),
      ],
      [
        'text and a file sent first, as in the starter',
        printedAfter([`${task.BYTES}`], [{ ...pixels, frames: [frame('out', 'text', 11), frame('in', 'text', 11), ...pixels.frames] }]),
      ],
    ])('%s', (_, record) => {
      expect(check(record)).toEqual({ pass: true });
    });
  });

  describe('fails every cheat and mistake', () => {
    it.each<[string, RunRecord, RegExp]>([
      [
        'the starter: text and a file (a Blob) only',
        printedAfter(
          ['back: Blob of 2048 bytes', 'the canvas holds 400×320 pixels of 4 bytes (RGBA), not sent yet'],
          [roundTrip({ size: 2048, binaryKind: 'File' }, { binaryKind: 'Blob' }, 'blob')],
        ),
        /Send the canvas pixels/,
      ],
      [
        'three bytes sent, and "3" found in "Uint8Array(3)"',
        printedAfter(['Uint8Array(3) [0, 0, 0]'], [roundTrip({ size: 3, binaryKind: 'Uint8Array' }, {})]),
        /Send the canvas pixels/,
      ],
      [
        'the pixels sent as a Blob',
        printedAfter([`${task.BYTES}`], [roundTrip({ binaryKind: 'Blob' }, { binaryKind: 'ArrayBuffer' })]),
        /Send the canvas pixels/,
      ],
      [
        'half the canvas sent',
        printedAfter([`${task.BYTES / 2}`], [roundTrip({ size: task.BYTES / 2, binaryKind: 'ArrayBuffer' }, {})]),
        /Send the canvas pixels/,
      ],
      [
        'closed before the echo came back',
        printedAfter([`${task.BYTES}`], [roundTrip({ binaryKind: 'ArrayBuffer' }, null)]),
        /Wait for the echo/,
      ],
      [
        'an echo of a different size',
        printedAfter([`${task.BYTES}`], [roundTrip({ binaryKind: 'ArrayBuffer' }, { size: 10 })]),
        /Wait for the echo/,
      ],
      [
        'binaryType left as "blob"',
        printedAfter([`${task.BYTES}`], [roundTrip({ binaryKind: 'ArrayBuffer' }, { binaryKind: 'Blob' }, 'blob')]),
        /binaryType = "arraybuffer"/,
      ],
      [
        'the size printed before sending (PIXELS.data.byteLength), not what came back',
        printedAfter([`the canvas is ${task.BYTES} bytes`], [pixels], 5),
        /byteLength of the ArrayBuffer/,
      ],
      ['a longer number that contains the size', printedAfter([`${task.BYTES}0 bytes`]), /byteLength of the ArrayBuffer/],
      ['the size only as part of a decimal', printedAfter([`${task.BYTES}.5 KB`]), /byteLength of the ArrayBuffer/],
      ['no socket to /echo', run({ sockets: [socket({ url: 'ws://127.0.0.1:8080/push' })] }), /ECHO_URL/],
    ])('%s', (_, record, hint) => {
      const result = check(record);
      expect(result.pass).toBe(false);
      expect(result.hint?.en).toMatch(hint);
    });
  });
});
