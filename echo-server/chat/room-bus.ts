// Where chat rooms live. The chat endpoint only talks to this interface, so a shared
// implementation (Redis, for several server instances) can replace the
// in-memory one without touching the endpoint.
import { HISTORY_LIMIT, type ChatMessage, type RoomEvent } from '../../contracts/chat.ts';

export interface RoomBus {
  /** Delivers every event published to `room` until the returned function is called. */
  subscribe(room: string, listener: (event: RoomEvent) => void): () => void;
  publish(room: string, event: RoomEvent): Promise<void>;
  /** Recent messages, oldest first (at most HISTORY_LIMIT). */
  history(room: string): Promise<ChatMessage[]>;
  /** Adds a member and returns the room's new member count. */
  join(room: string): Promise<number>;
  /** Removes a member and returns the room's new member count. */
  leave(room: string): Promise<number>;
  /** Rooms with members, and how many (the instructor page lists them). */
  rooms(): Promise<Array<{ room: string; count: number }>>;
  close(): Promise<void>;
}

interface Room {
  listeners: Set<(event: RoomEvent) => void>;
  history: ChatMessage[];
  historyBytes: number;
  members: number;
}

/**
 * Rooms in this process's memory. A room exists while it has members or
 * listeners and is freed as soon as it has neither, history and all: memory
 * follows the rooms in use, not every room ever opened.
 */
export class MemoryRoomBus implements RoomBus {
  readonly #rooms = new Map<string, Room>();

  constructor(
    /** Bytes of history kept per room (as JSON), besides HISTORY_LIMIT messages. */
    private readonly historyBytes: number,
  ) {}

  #room(name: string): Room {
    let room = this.#rooms.get(name);
    if (!room) this.#rooms.set(name, (room = { listeners: new Set(), history: [], historyBytes: 0, members: 0 }));
    return room;
  }

  #freeIfEmpty(name: string, room: Room): void {
    if (room.members === 0 && room.listeners.size === 0 && this.#rooms.get(name) === room) this.#rooms.delete(name);
  }

  subscribe(room: string, listener: (event: RoomEvent) => void): () => void {
    const r = this.#room(room);
    r.listeners.add(listener);
    return () => {
      r.listeners.delete(listener);
      this.#freeIfEmpty(room, r);
    };
  }

  async publish(room: string, event: RoomEvent): Promise<void> {
    // Nobody here to tell (e.g. a leave, or an event relayed from another instance).
    const r = this.#rooms.get(room);
    if (!r) return;
    if (event.type === 'message') {
      r.history.push(event);
      r.historyBytes += JSON.stringify(event).length;
      while (r.history.length > HISTORY_LIMIT || r.historyBytes > this.historyBytes) {
        r.historyBytes -= JSON.stringify(r.history.shift()).length;
      }
    }
    for (const listener of r.listeners) listener(event);
  }

  async history(room: string): Promise<ChatMessage[]> {
    return [...(this.#rooms.get(room)?.history ?? [])];
  }

  async join(room: string): Promise<number> {
    return ++this.#room(room).members;
  }

  async leave(room: string): Promise<number> {
    const r = this.#rooms.get(room);
    if (!r) return 0;
    r.members = Math.max(0, r.members - 1);
    this.#freeIfEmpty(room, r);
    return r.members;
  }

  async rooms(): Promise<Array<{ room: string; count: number }>> {
    return [...this.#rooms].filter(([, r]) => r.members > 0).map(([room, r]) => ({ room, count: r.members }));
  }

  async close(): Promise<void> {
    this.#rooms.clear();
  }
}
