import { describe, expect, it } from 'vitest';
import check, { task } from './check.ts';
import type { SocketRecord } from '../../site/runner/run-record.ts';
import { logs, run, socket, text } from '../../test/lessons/run-builder.ts';

const { ACCESS_TOKEN } = task;

const HOST = 'ws://127.0.0.1:8080';
const welcome = (via: string) => text('in', JSON.stringify({ type: 'welcome', user: 'learner', via }), 5);
const authMessage = text('out', JSON.stringify({ type: 'auth', token: ACCESS_TOKEN }), 2);

const byTicket = (ticket = 'q8Hk2-7pXv', welcomed = true): SocketRecord =>
  socket({
    id: 1,
    url: `${HOST}/auth/ticket?ticket=${ticket}`,
    frames: welcomed ? [welcome('ticket')] : [],
    close: welcomed ? undefined : { code: 1006, reason: '', wasClean: false, time: 3 },
  });
const byMessage = (frames = [authMessage, welcome('message')], url = `${HOST}/auth/message`): SocketRecord =>
  socket({ id: 2, url, frames });

describe('auth check', () => {
  it.each([
    ['the solution: ticket first, then the first message', [byTicket(), byMessage()]],
    ['the first-message socket opened first', [byMessage(), byTicket()]],
    ['a refused attempt before the ticket was fetched, then a good one', [byTicket('', false), byTicket(), byMessage()]],
    [
      'echo traffic after the welcome',
      [byTicket(), byMessage([authMessage, welcome('message'), text('out', 'hello', 9), text('in', 'hello', 10)])],
    ],
  ])('passes %s', (_approach, sockets) => {
    expect(check(run({ sockets }))).toEqual({ pass: true });
  });

  const closed1008 = (reason: string) => ({ code: 1008, reason, wasClean: true, time: 4 });
  it.each([
    [
      'the starter: no ticket, and a chat message first',
      [byTicket('', false), { ...byMessage([text('out', 'hello', 2)]), close: closed1008('authenticate first') }],
      /refused the \/auth\/ticket handshake/,
    ],
    [
      'the access token used as the ticket',
      [socket({ url: `${HOST}/auth/ticket?ticket=${ACCESS_TOKEN}` }), byMessage()],
      /access token is in a WebSocket URL/,
    ],
    [
      'the token in the /auth/message URL',
      [byTicket(), byMessage([welcome('message')], `${HOST}/auth/message?token=${ACCESS_TOKEN}`)],
      /access token is in a WebSocket URL/,
    ],
    ['a ticket pasted from an earlier run (the server refused it)', [byTicket('old-ticket', false), byMessage()], /fresh ticket/],
    [
      'a chat message before the auth message',
      [byTicket(), { ...byMessage([text('out', 'hi', 1), authMessage]), close: closed1008('authenticate first') }],
      /1008: authenticate first/,
    ],
    [
      'a wrong token in the first message',
      [byTicket(), { ...byMessage([text('out', JSON.stringify({ type: 'auth', token: 'guess' }), 1)]), close: closed1008('bad token') }],
      /bad token/,
    ],
    ['only the ticket pattern', [byTicket()], /\/auth\/message/],
    ['only the first-message pattern', [byMessage()], /POST \/auth\/tickets/],
    [
      'a welcome from the wrong endpoint (an echo of a typed welcome)',
      [socket({ url: `${HOST}/auth/ticket?ticket=x`, frames: [welcome('message')] }), byMessage()],
      /refused/,
    ],
  ])('fails %s', (_mistake, sockets, hint) => {
    const result = check(run({ sockets }));
    expect(result.pass).toBe(false);
    expect(result.hint?.en).toMatch(hint);
  });

  it('fails printed answers and comments: only the server’s welcome counts', () => {
    const said = '{"type":"welcome","user":"learner","via":"ticket"}';
    expect(check(run({ code: `// ${said}`, console: logs(`ticket: ${said}`, 'message: {"type":"welcome","via":"message"}') })).pass).toBe(
      false,
    );
  });
});
