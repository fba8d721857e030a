import { describe, expect, it } from 'vitest';
import { formatArgs, formatValue } from '../../site/runner/worker/format.ts';
import { bytesOf, hexPreview } from '../../site/runner/hex.ts';

describe('console formatting', () => {
  it('prints top-level strings raw and nested strings quoted', () => {
    expect(formatArgs(['hello', 'world'])).toBe('hello world');
    expect(formatArgs([{ name: 'ws' }])).toBe("{name: 'ws'}");
    expect(formatArgs([["it's"]])).toBe("(1) ['it\\'s']");
  });

  it('previews primitives the way a console does', () => {
    expect(formatArgs([1, true, null, undefined, 10n, Symbol('s')])).toBe('1 true null undefined 10n Symbol(s)');
    expect(formatValue(function named() {})).toBe('ƒ named()');
  });

  it('previews arrays, nested objects, Maps and Sets, cutting depth', () => {
    expect(formatValue([1, 'a', [2, [3, [4]]]])).toBe("(3) [1, 'a', (2) [2, Array(2)]]");
    expect(formatValue({ a: { b: { c: 1 } } })).toBe('{a: {b: {…}}}');
    expect(formatValue(new Map([['k', 1]]))).toBe("Map(1) {'k' => 1}");
    expect(formatValue(new Set([1, 2]))).toBe('Set(2) {1, 2}');
  });

  it('names class instances and marks circular references', () => {
    class Point {
      x = 1;
    }
    expect(formatValue(new Point())).toBe('Point {x: 1}');
    const loop: Record<string, unknown> = { id: 1 };
    loop.self = loop;
    expect(formatValue(loop)).toBe('{id: 1, self: [Circular]}');
  });

  it('shows ArrayBuffers and typed arrays as hex previews', () => {
    const buffer = new Uint8Array([0x0a, 0x1f, 0xff]).buffer;
    expect(formatValue(buffer)).toBe('ArrayBuffer(3) [0a 1f ff]');
    expect(formatValue(new Uint8Array([1, 2]))).toBe('Uint8Array(2) [01 02]');
    expect(formatValue(new Uint16Array([0x0102]))).toBe('Uint16Array(1) [02 01]');
    expect(formatValue(new DataView(buffer, 1))).toBe('DataView(2) [1f ff]');
    expect(formatValue(new ArrayBuffer(40))).toBe(`ArrayBuffer(40) [${Array(32).fill('00').join(' ')} …]`);
  });

  it('shows a Blob as type and size, a File with its name', () => {
    expect(formatValue(new Blob(['abc'], { type: 'text/plain' }))).toBe("Blob {type: 'text/plain', size: 3}");
    expect(formatValue(new File(['ab'], 'a.bin'))).toBe("File {name: 'a.bin', type: '', size: 2}");
  });

  it('shows an Error with its name and message', () => {
    expect(formatValue(new TypeError('bad thing'))).toBe('TypeError: bad thing');
    expect(formatArgs(['failed:', new Error('boom')])).toBe('failed: Error: boom');
  });

  it('shows the state of host objects that keep it on the prototype', () => {
    class CloseEvent {
      get type() {
        return 'close';
      }
      get code() {
        return 1000;
      }
      get reason() {
        return 'done';
      }
      get wasClean() {
        return true;
      }
    }
    expect(formatValue(new CloseEvent())).toBe("CloseEvent {type: 'close', code: 1000, reason: 'done', wasClean: true}");
  });

  it('applies printf-style substitutions', () => {
    expect(formatArgs(['%s has %d items %o', 'list', 3.7, [1]])).toBe('list has 3 items (1) [1]');
    expect(formatArgs(['%c styled', 'color: red', 'extra'])).toBe(' styled extra');
    expect(formatArgs(['100%'])).toBe('100%');
  });
});

describe('hex previews', () => {
  it('cuts at the limit with an ellipsis', () => {
    expect(hexPreview(new Uint8Array([0, 1, 2, 3]), 2)).toBe('00 01 …');
    expect(hexPreview(new Uint8Array([]), 4)).toBe('');
  });

  it('reads exactly the bytes of a view', () => {
    const view = new Uint8Array([9, 8, 7, 6]).subarray(1, 3);
    expect(Array.from(bytesOf(view))).toEqual([8, 7]);
  });
});
