// /chat?room=R&name=N: everyone in a room gets every message; joiners get the
// recent history first, then everyone hears about the join (and later the leave).
//
// A room is shared by strangers, so one member must not be able to take it
// over: each member may post at a human pace (a faster one is closed with
// 1008 before its message reaches anyone), the room as a whole causes a
// bounded number of deliveries per second, names are unique and cannot hide
// behind invisible or direction-changing characters, and the number of rooms
// is capped.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import { randomBytes, randomUUID } from 'node:crypto';
import { MAX_NAME_LENGTH, MAX_ROOM_LENGTH, MAX_TEXT_LENGTH, type ChatEvent, type RoomEvent } from '../../contracts/chat.ts';
import { CloseCode } from '../../contracts/close-codes.ts';
import { TokenBucket } from '../limits.ts';
import type { RoomBus } from './room-bus.ts';
import { BadRequest, SMALL_PAYLOAD, type Endpoint } from '../endpoints/endpoint.ts';

/** A member this far behind in reading is closed rather than buffered for without end. */
const SLOW_MEMBER_BYTES = 8 * 1024 * 1024;

export interface ChatLimits {
  /** Messages per second one member may post, and the burst above it. */
  rate: number;
  burst: number;
  /** Deliveries (messages × members) per second one room may cause. */
  fanout: number;
  /** Rooms with members on this instance. */
  maxRooms: number;
}

/** Characters that show nothing or turn the text around: a name made with them impersonates another. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/gu;

/** A room or name as people will see it: NFKC, without invisible or bidi characters, trimmed. */
export function visibleText(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').trim();
}

function textParam(query: URLSearchParams, name: string, fallback: string, max: number): string {
  const value = visibleText(query.get(name) ?? '');
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

/** This instance's members of one room: their names, and the room's delivery budget. */
interface LocalRoom {
  names: Set<string>;
  members: number;
  fanout: TokenBucket;
}

/** Names compare without case, so "Alice" cannot sit next to "alice". */
const nameKey = (name: string) => name.toLowerCase();

export function createChat(bus: RoomBus, limits: ChatLimits): Endpoint<ChatParams> {
  const rooms = new Map<string, LocalRoom>();
  return {
    path: WS_PATHS.chat,
    pool: 'workshop',
    // The servers lesson joins the room from the runner, whose origin is opaque.
    origins: 'site-or-sandbox',
    maxPayload: SMALL_PAYLOAD,
    parse(query) {
      const room = textParam(query, 'room', 'lobby', MAX_ROOM_LENGTH);
      const name = textParam(query, 'name', `guest-${randomBytes(2).toString('hex')}`, MAX_NAME_LENGTH);
      const local = rooms.get(room);
      if (!local && rooms.size >= limits.maxRooms)
        throw new BadRequest(`the server has ${limits.maxRooms} chat rooms open; join an existing one`, 503);
      if (local?.names.has(nameKey(name)))
        throw new BadRequest(`the name ${JSON.stringify(name)} is taken in this room; choose another`, 409);
      return { room, name };
    },
    open(conn, { room, name }) {
      let local = rooms.get(room);
      if (!local) rooms.set(room, (local = { names: new Set(), members: 0, fanout: new TokenBucket(limits.fanout, limits.fanout) }));
      // Two handshakes with one name can both pass parse(); the second to open loses.
      if (local.names.has(nameKey(name))) return conn.close(CloseCode.PolicyViolation, 'that name is taken in this room');
      const members = local;
      members.names.add(nameKey(name));
      members.members++;
      const sender = new TokenBucket(limits.rate, limits.burst);

      const now = () => new Date().toISOString();
      const deliver = (event: RoomEvent) => {
        if (conn.bufferedAmount > SLOW_MEMBER_BYTES) conn.close(CloseCode.PolicyViolation, 'too slow reading the room');
        else conn.sendJson(event satisfies ChatEvent);
      };
      let unsubscribe = () => {};
      let left = false;
      let inRoom = false;
      // History first, then live events: subscribing right after reading the
      // history means no message is both in it and delivered live.
      let joined = (async () => {
        const history = await bus.history(room);
        // Gone while the history was on its way (Redis): subscribing now would keep the room alive for nobody.
        if (left) return;
        conn.sendJson({ type: 'history', messages: history } satisfies ChatEvent);
        unsubscribe = bus.subscribe(room, deliver);
        inRoom = true;
        const count = await bus.join(room);
        await bus.publish(room, { type: 'join', name, count, time: now() });
      })().catch(reportBusError);
      conn.onMessage((data, isBinary) => {
        if (isBinary) return conn.close(CloseCode.UnsupportedData, 'chat takes text messages only');
        // The flooder is stopped here, before its message costs anyone else anything.
        if (!sender.take()) return conn.expel(`chat rate limit: at most ${limits.burst} messages at once, then ${limits.rate} per second`);
        const text = data.toString('utf8');
        if ([...text].length > MAX_TEXT_LENGTH)
          return conn.close(CloseCode.MessageTooBig, `a chat message may be at most ${MAX_TEXT_LENGTH} characters`);
        if (!members.fanout.take(members.members)) {
          return conn.sendJson({
            type: 'error',
            message: 'the room is too busy right now; your message was not sent, try again in a moment',
          } satisfies ChatEvent);
        }
        const message = { type: 'message', id: randomUUID(), name, text, time: now() } as const;
        joined = joined.then(() => bus.publish(room, message)).catch(reportBusError);
      });
      conn.onClose(() => {
        left = true;
        members.names.delete(nameKey(name));
        if (--members.members === 0) rooms.delete(room);
        unsubscribe();
        void joined
          .then(async () => {
            if (!inRoom) return;
            const count = await bus.leave(room);
            await bus.publish(room, { type: 'leave', name, count, time: now() });
          })
          .catch(reportBusError);
      });
    },
  };
}
