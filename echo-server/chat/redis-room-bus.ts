// Chat rooms shared by several instances through Redis. Members connected to
// this instance are always served from local memory first; Redis carries the
// events to the other instances and keeps the shared history and head counts.
// When Redis is away, each instance goes on as a room of its own.
import { HISTORY_LIMIT, type ChatMessage, type RoomEvent } from '../../contracts/chat.ts';
import { MemoryRoomBus, type RoomBus } from './room-bus.ts';
import type { RedisLink } from '../workshop/redis-link.ts';

const ROOMS_KEY = 'wsp:rooms';
const historyKey = (room: string) => `wsp:history:${room}`;
const membersKey = (room: string) => `wsp:members:${room}`;

interface RoomRelay {
  room: string;
  event: RoomEvent;
}

export class RedisRoomBus implements RoomBus {
  readonly #local: MemoryRoomBus;
  /** Members connected to this instance, per room. */
  readonly #localMembers = new Map<string, number>();

  constructor(
    private readonly link: RedisLink,
    historyBytes: number,
  ) {
    this.#local = new MemoryRoomBus(historyBytes);
    link.on('room', (payload) => {
      const { room, event } = payload as RoomRelay;
      void this.#local.publish(room, event);
    });
    link.onBeat(() => this.#rewriteMembers());
  }

  subscribe(room: string, listener: (event: RoomEvent) => void): () => void {
    return this.#local.subscribe(room, listener);
  }

  async publish(room: string, event: RoomEvent): Promise<void> {
    await this.#local.publish(room, event);
    if (event.type === 'message') {
      await this.link.redis
        .multi()
        .lpush(historyKey(room), JSON.stringify(event))
        .ltrim(historyKey(room), 0, HISTORY_LIMIT - 1)
        .exec()
        .catch(() => {});
    }
    await this.link.publish('room', { room, event } satisfies RoomRelay);
  }

  async history(room: string): Promise<ChatMessage[]> {
    try {
      const raw = await this.link.redis.lrange(historyKey(room), 0, HISTORY_LIMIT - 1);
      return raw.map((line) => JSON.parse(line) as ChatMessage).reverse();
    } catch {
      return this.#local.history(room);
    }
  }

  join(room: string): Promise<number> {
    return this.#count(room, 1);
  }

  leave(room: string): Promise<number> {
    return this.#count(room, -1);
  }

  async rooms(): Promise<Array<{ room: string; count: number }>> {
    try {
      const names = await this.link.redis.smembers(ROOMS_KEY);
      const counts = await Promise.all(names.map((room) => this.#sum(room)));
      return names.map((room, i) => ({ room, count: counts[i] ?? 0 })).filter((r) => r.count > 0);
    } catch {
      return [...this.#localMembers].map(([room, count]) => ({ room, count }));
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.#localMembers.keys()].map((room) => this.link.redis.hdel(membersKey(room), this.link.id).catch(() => {})));
    await this.#local.close();
  }

  async #count(room: string, delta: number): Promise<number> {
    const local = Math.max(0, (this.#localMembers.get(room) ?? 0) + delta);
    if (local === 0) this.#localMembers.delete(room);
    else this.#localMembers.set(room, local);
    try {
      await this.link.redis.multi().hset(membersKey(room), this.link.id, local).sadd(ROOMS_KEY, room).exec();
      return await this.#sum(room);
    } catch {
      return local;
    }
  }

  /** Members in `room` across instances that are still alive. */
  async #sum(room: string): Promise<number> {
    const [perInstance, live] = await Promise.all([this.link.redis.hgetall(membersKey(room)), this.link.liveInstances()]);
    let total = 0;
    for (const [id, count] of Object.entries(perInstance)) if (live.has(id)) total += Number(count);
    return total;
  }

  /** After an outage Redis may have lost or missed our counts; write them again. */
  async #rewriteMembers(): Promise<void> {
    if (this.#localMembers.size === 0) return;
    const batch = this.link.redis.multi();
    for (const [room, count] of this.#localMembers) batch.hset(membersKey(room), this.link.id, count).sadd(ROOMS_KEY, room);
    await batch.exec();
  }
}
