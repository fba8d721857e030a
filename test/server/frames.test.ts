// Bad frames close only the offending connection, with the right code; good
// control and fragmented frames work. Frames are built by hand on a raw socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../echo-server/index.ts';
import { closePayload, nextMessages, openClient, rawHandshake, startServer, wsUrl } from './helpers.ts';

const TEXT = 0x1;
const BINARY = 0x2;
const CONTINUATION = 0x0;
const CLOSE = 0x8;
const PING = 0x9;
const PONG = 0xa;

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ maxPayload: 64 * 1024 });
});
afterAll(() => server.close());

describe('bad frames', () => {
  const cases: [string, Parameters<import('./helpers.ts').RawPeer['send']>[0][], number][] = [
    ['RSV1 set without an extension', [{ opcode: TEXT, payload: 'hi', rsv: 0x40 }], 1002],
    ['RSV2 set', [{ opcode: TEXT, payload: 'hi', rsv: 0x20 }], 1002],
    ['RSV3 set', [{ opcode: BINARY, payload: 'hi', rsv: 0x10 }], 1002],
    ['reserved data opcode 0x3', [{ opcode: 0x3, payload: 'hi' }], 1002],
    ['reserved control opcode 0xB', [{ opcode: 0xb, payload: 'hi' }], 1002],
    ['unmasked client frame', [{ opcode: TEXT, payload: 'hi', masked: false }], 1002],
    ['fragmented control frame', [{ opcode: PING, payload: 'x', fin: false }], 1002],
    ['control payload over 125 bytes', [{ opcode: PING, payload: Buffer.alloc(126, 1) }], 1002],
    ['continuation with nothing to continue', [{ opcode: CONTINUATION, payload: 'hi' }], 1002],
    ['invalid UTF-8 in a text message', [{ opcode: TEXT, payload: Buffer.from([0x68, 0xc3, 0x28]) }], 1007],
    [
      'invalid UTF-8 across fragments',
      [
        { opcode: TEXT, payload: Buffer.from([0xe2, 0x82]), fin: false },
        { opcode: CONTINUATION, payload: Buffer.from([0x41]) },
      ],
      1007,
    ],
    ['invalid UTF-8 in a close reason', [{ opcode: CLOSE, payload: closePayload(1000, Buffer.from([0xff, 0xfe])) }], 1007],
    ['a close code no one may send (1005)', [{ opcode: CLOSE, payload: closePayload(1005) }], 1002],
    ['a message over the payload limit', [{ opcode: BINARY, payload: Buffer.alloc(64 * 1024 + 1) }], 1009],
    [
      'fragments adding up past the limit',
      [
        { opcode: BINARY, payload: Buffer.alloc(40 * 1024), fin: false },
        { opcode: CONTINUATION, payload: Buffer.alloc(40 * 1024) },
      ],
      1009,
    ],
  ];

  it.each(cases)('%s → close %i, other connections unaffected', async (_name, frames, code) => {
    const bystander = await openClient(wsUrl(server, '/echo'));
    const peer = await rawHandshake(server.port);
    for (const frame of frames) peer.send(frame);
    expect(await peer.closeCode()).toBe(code);
    await peer.closed();

    const echoed = nextMessages(bystander, 1);
    bystander.send(JSON.stringify({ still: 'here' }));
    expect(await echoed).toEqual([{ still: 'here' }]);
    bystander.close();
  });

  it('counts rejected frames in /metrics by reason', async () => {
    const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    expect(text).toMatch(/ws_rejections_total\{reason="too-big"\} [1-9]/);
    expect(text).toMatch(/ws_rejections_total\{reason="bad-utf8"\} [1-9]/);
    expect(text).toMatch(/ws_rejections_total\{reason="protocol-error"\} [1-9]/);
  });
});

describe('good frames', () => {
  it('answers a ping with a pong carrying the same payload', async () => {
    const peer = await rawHandshake(server.port);
    const payload = Buffer.from('are you there? 你好');
    peer.send({ opcode: PING, payload });
    const pong = await peer.waitFor((f) => f.opcode === PONG);
    expect(pong.payload.equals(payload)).toBe(true);
    peer.destroy();
  });

  it('echoes a fragmented text message whole, with a ping between fragments', async () => {
    const peer = await rawHandshake(server.port);
    const text = 'fragments of ✓ one message';
    const bytes = Buffer.from(text);
    // Split inside the 3-byte ✓ so UTF-8 validation must span fragments.
    const cut = bytes.indexOf(Buffer.from('✓')) + 1;
    peer.send({ opcode: TEXT, payload: bytes.subarray(0, cut), fin: false });
    peer.send({ opcode: PING, payload: 'mid' });
    peer.send({ opcode: CONTINUATION, payload: bytes.subarray(cut, cut + 5), fin: false });
    peer.send({ opcode: CONTINUATION, payload: bytes.subarray(cut + 5) });
    const echoed = await peer.waitFor((f) => f.opcode === TEXT);
    expect(echoed.fin).toBe(true);
    expect(echoed.payload.toString()).toBe(text);
    expect(peer.frames.some((f) => f.opcode === PONG && f.payload.toString() === 'mid')).toBe(true);
    peer.destroy();
  });

  it('echoes a fragmented binary message whole', async () => {
    const peer = await rawHandshake(server.port);
    const data = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256));
    peer.send({ opcode: BINARY, payload: data.subarray(0, 1000), fin: false });
    peer.send({ opcode: CONTINUATION, payload: data.subarray(1000, 2000), fin: false });
    peer.send({ opcode: CONTINUATION, payload: data.subarray(2000) });
    const echoed = await peer.waitFor((f) => f.opcode === BINARY);
    expect(echoed.payload.equals(data)).toBe(true);
    peer.destroy();
  });

  it('answers a client close with the same code', async () => {
    const peer = await rawHandshake(server.port);
    peer.send({ opcode: CLOSE, payload: closePayload(4321, 'bye') });
    expect(await peer.closeCode()).toBe(4321);
    await peer.closed();
  });
});
