// /chat?room=R&name=N: everyone in a room gets every message; joiners get the
// recent history first, then everyone hears about the join (and later the leave).
import { randomBytes, randomUUID } from 'node:crypto';
import { CLOSE_POLICY } from '../connection.ts';
import type { RoomBus, RoomEvent } from '../room-bus.ts';
import { BadRequest, SMALL_PAYLOAD, type Endpoint } from './endpoint.ts';

export const MAX_ROOM_LENGTH = 32;
export const MAX_NAME_LENGTH = 24;
export const MAX_TEXT_LENGTH = 2000;
/** A member this far behind in reading is closed rather than buffered for without end. */
const SLOW_MEMBER_BYTES = 8 * 1024 * 1024;

function textParam(query: URLSearchParams, name: string, fallback: string, max: number): string {
  const value = (query.get(name) ?? '').trim();
  if (value === '') return fallback;
  const length = [...value].length;
  if (length > max) throw new BadRequest(`${name} is ${length} characters; at most ${max} allowed`);
  if (/\p{Cc}/u.test(value)) throw new BadRequest(`${name} may not contain control characters`);
  return value;
}

function reportBusError(error: unknown): void {
  console.error('chat: room bus failed:', error);
}

interface ChatParams {
  room: string;
  name: string;
}

export function createChat(bus: RoomBus): Endpoint<ChatParams> {
  return {
    path: '/chat',
    pool: 'workshop',
    // The servers lesson joins the room from the runner, whose origin is opaque.
    origins: 'site-or-sandbox',
    maxPayload: SMALL_PAYLOAD,
    parse: (query) => ({
      room: textParam(query, 'room', 'lobby', MAX_ROOM_LENGTH),
      name: textParam(query, 'name', `guest-${randomBytes(2).toString('hex')}`, MAX_NAME_LENGTH),
    }),
    open(conn, { room, name }) {
      const now = () => new Date().toISOString();
      const deliver = (event: RoomEvent) => {
        if (conn.ws.bufferedAmount > SLOW_MEMBER_BYTES) conn.close(CLOSE_POLICY, 'too slow reading the room');
        else conn.sendJson(event);
      };
      let unsubscribe = () => {};
      // History first, then live events: subscribing right after reading the
      // history means no message is both in it and delivered live.
      let joined = (async () => {
        conn.sendJson({ type: 'history', messages: await bus.history(room) });
        unsubscribe = bus.subscribe(room, deliver);
        const count = await bus.join(room);
        await bus.publish(room, { type: 'join', name, count, time: now() });
      })().catch(reportBusError);

      conn.onMessage((data, isBinary) => {
        if (isBinary) return conn.close(1003, 'chat takes text messages only');
        const text = data.toString('utf8');
        if ([...text].length > MAX_TEXT_LENGTH) return conn.close(1009, `a chat message may be at most ${MAX_TEXT_LENGTH} characters`);
        const message = { type: 'message', id: randomUUID(), name, text, time: now() } as const;
        joined = joined.then(() => bus.publish(room, message)).catch(reportBusError);
      });
      conn.ws.on('close', () => {
        unsubscribe();
        void joined
          .then(async () => {
            const count = await bus.leave(room);
            await bus.publish(room, { type: 'leave', name, count, time: now() });
          })
          .catch(reportBusError);
      });
    },
  };
}
