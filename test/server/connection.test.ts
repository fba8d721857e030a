// Connection is an endpoint's whole contract: every connection is counted,
// rate-limited and marked active, whether or not its endpoint reads messages,
// and endpoints learn of the close from it. A real ws server on a real port,
// with a Connection around each socket and no endpoint at all.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { Connection } from '../../echo-server/connection.ts';
import { TokenBucket } from '../../echo-server/limits.ts';
import { closeEvent, openClient } from './helpers.ts';

let wss: WebSocketServer | undefined;
afterEach(() => new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve())));

/** A server whose connections have no message handler; resolves with the first one, client side and server side. */
async function silentEndpoint(bucket: TokenBucket | null) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  wss = server;
  await new Promise((resolve) => server.once('listening', resolve));
  const accepted = new Promise<{ conn: Connection; rateExceeded: () => number }>((resolve) =>
    server.once('connection', (ws, req) => {
      let exceeded = 0;
      const conn = new Connection(ws, req.socket, '/silent', '127.0.0.1', bucket, () => exceeded++);
      resolve({ conn, rateExceeded: () => exceeded });
    }),
  );
  const client = await openClient(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/silent`);
  return { client, ...(await accepted) };
}

describe('Connection', () => {
  it('rate-limits a connection whose endpoint never reads (1008), and counts what it sent', async () => {
    const { client, conn, rateExceeded } = await silentEndpoint(new TokenBucket(10, 5));
    const closed = closeEvent(client);
    for (let i = 0; i < 50; i++) client.send('flood');
    expect(await closed).toMatchObject({ code: 1008, reason: 'message rate limit exceeded' });
    expect(rateExceeded()).toBe(1);
    expect(conn.messagesIn).toBeGreaterThan(5);
    expect(conn.bytesIn).toBe(conn.messagesIn * 'flood'.length);
  });

  it('marks activity for a connection whose endpoint never reads', async () => {
    const { client, conn } = await silentEndpoint(null);
    conn.active = false;
    const closed = closeEvent(client);
    client.send('still here');
    client.close(1000);
    await closed;
    expect(conn.active).toBe(true);
    expect(conn.messagesIn).toBe(1);
  });

  it('tells onClose handlers the close code', async () => {
    const { client, conn } = await silentEndpoint(null);
    const code = new Promise<number>((resolve) => conn.onClose(resolve));
    client.close(4001);
    expect(await code).toBe(4001);
    expect(conn.isOpen).toBe(false);
  });
});
