import { describe, expect, it } from 'vitest';
import check from '../../lessons/servers/check.ts';
import { logs, run, socket, text } from './run-builder.ts';
import type { FrameRecord } from '../../site/runner/run-record.ts';

const CHAT = 'ws://127.0.0.1:8080/chat?room=lobby&name=reader-7';
const SAID = 'hello from reader-7';

const history = text('in', JSON.stringify({ type: 'history', messages: [] }), 5);
const join = text('in', JSON.stringify({ type: 'join', name: 'reader-7', count: 2, time: '2026-01-01T00:00:00Z' }), 6);
const broadcast = (body: string, name = 'reader-7', time = 30) =>
  text('in', JSON.stringify({ type: 'message', id: 'b1c', name, text: body, time: '2026-01-01T00:00:01Z' }), time);

function chat(frames: FrameRecord[]) {
  return socket({ url: CHAT, frames });
}

describe('servers check', () => {
  it('passes when the sent text comes back as a room broadcast and is printed', () => {
    const result = check(run({ sockets: [chat([history, join, text('out', SAID, 20), broadcast(SAID)])], console: logs(`[reader-7] ${SAID}`) }));
    expect(result).toEqual({ pass: true });
  });

  it('fails for the starter: it only listens', () => {
    const result = check(run({ sockets: [chat([history, join, broadcast('someone else', 'ana', 40)])], console: logs('[ana] someone else') }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(/send a text message/);
  });

  it('fails when the run closed (or is still running) before the broadcast arrived', () => {
    const result = check(run({ sockets: [chat([history, text('out', SAID, 20)])], console: logs(SAID), status: 'running' }));
    expect(result.hint?.en).toMatch(/broadcast your message back/);
  });

  it('does not take someone else’s message, or one from before the send, as the echo', () => {
    const other = check(run({ sockets: [chat([text('out', SAID, 20), broadcast('different words', 'ana')])], console: logs(SAID) }));
    expect(other.pass).toBe(false);
    const earlier = check(run({ sockets: [chat([broadcast(SAID, 'x', 10), text('out', SAID, 20)])], console: logs(SAID) }));
    expect(earlier.pass).toBe(false);
  });

  it('fails when nothing about the broadcast is printed', () => {
    const result = check(run({ sockets: [chat([text('out', SAID, 20), broadcast(SAID)])], console: logs('joined') }));
    expect(result.hint?.en).toMatch(/Print/);
  });

  it('fails without a /chat socket', () => {
    expect(check(run({ sockets: [socket({ url: 'ws://127.0.0.1:8080/echo' })] })).hint?.en).toMatch(/\/chat/);
  });
});
