import { describe, expect, it } from 'vitest';
import check from '../../lessons/features/check.ts';
import { frameHeaderSize } from '../../site/demos/frame-header.ts';
import type { FrameRecord } from '../../site/runner/run-record.ts';
import { frame, logs, run, socket } from './run-builder.ts';

/** A socket to /echo that sent binary messages of these sizes and got each back. */
function echoed(...sizes: number[]) {
  const frames: FrameRecord[] = sizes.flatMap((n, i) => [
    frame('out', 'binary', n, { time: 10 + i }),
    frame('in', 'binary', n, { time: 20 + i }),
  ]);
  return socket({ url: 'ws://localhost:8080/echo', frames });
}

describe('frameHeaderSize (RFC 6455 §5.2)', () => {
  it.each([
    [0, 2, 6],
    [125, 2, 6],
    [126, 4, 8],
    [65535, 4, 8],
    [65536, 10, 14],
    [10_000_000, 10, 14],
  ])('%i payload bytes: server %i, browser %i', (n, server, browser) => {
    expect(frameHeaderSize(n, false)).toBe(server);
    expect(frameHeaderSize(n, true)).toBe(browser);
  });
});

describe('features check', () => {
  it('passes the solution run: three ranges sent, echoed and printed right', () => {
    const lines = logs(
      '20 bytes → header 6 bytes (23.08% of the frame)',
      '1000 bytes → header 8 bytes (0.79% of the frame)',
      '100000 bytes → header 14 bytes (0.01% of the frame)',
    );
    expect(check(run({ console: lines, sockets: [echoed(20, 1000, 100_000)] }))).toEqual({ pass: true });
  });

  it('accepts text messages and the boundary lengths', () => {
    const frames: FrameRecord[] = [125, 126, 65536].flatMap((n) => [frame('out', 'text', n), frame('in', 'text', n)]);
    const lines = logs('125 → 6', '126 → 8', '65536 → 14');
    expect(check(run({ console: lines, sockets: [socket({ url: 'ws://h/echo', frames })] })).pass).toBe(true);
  });

  it('fails the starter: one short message only', () => {
    const result = check(run({ console: logs('20 bytes → header 6 bytes'), sockets: [echoed(20)] }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/126–65535/);
    expect(result.hint?.en).toMatch(/65536/);
  });

  it('fails when the header sizes printed are the starter formula for every length', () => {
    const lines = logs('20 bytes → header 6 bytes', '1000 bytes → header 6 bytes', '100000 bytes → header 6 bytes');
    const result = check(run({ console: lines, sockets: [echoed(20, 1000, 100_000)] }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/126–65535, ≥ 65536/);
  });

  it('fails header sizes without the mask (the server-side sizes)', () => {
    const lines = logs('20 → 2', '1000 → 4', '100000 → 10');
    expect(check(run({ console: lines, sockets: [echoed(20, 1000, 100_000)] })).pass).toBe(false);
  });

  it('fails a big message that was sent but never echoed (run still going)', () => {
    const frames = [frame('out', 'binary', 20), frame('in', 'binary', 20), frame('out', 'binary', 1000), frame('in', 'binary', 1000), frame('out', 'binary', 100_000)];
    const lines = logs('20 → 6', '1000 → 8', '100000 → 14');
    const result = check(run({ status: 'running', console: lines, sockets: [socket({ url: 'ws://h/echo', frames })] }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/≥ 65536/);
  });

  it('fails messages sent somewhere other than /echo', () => {
    const other = { ...echoed(20, 1000, 100_000), url: 'ws://localhost:8080/handshake' };
    expect(check(run({ console: logs('20 → 6', '1000 → 8', '100000 → 14'), sockets: [other] })).pass).toBe(false);
  });
});
