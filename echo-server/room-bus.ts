// Where chat rooms live. chat.ts only talks to this interface, so a shared
// implementation (Redis, for several server instances) can replace the
// in-memory one without touching the endpoint.

export interface ChatMessage {
  type: 'message';
  id: string;
  name: string;
  text: string;
  time: string;
}

export type RoomEvent =
  | ChatMessage
  | { type: 'join' | 'leave'; name: string; count: number; time: string };

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

export const HISTORY_LIMIT = 50;
/** Empty rooms keep their history until this many rooms exist; then the longest-idle empty one goes. */
const MAX_ROOMS = 1000;

interface Room {
  listeners: Set<(event: RoomEvent) => void>;
  history: ChatMessage[];
  members: number;
}

export class MemoryRoomBus implements RoomBus {
  readonly #rooms = new Map<string, Room>();

  #room(name: string): Room {
    let room = this.#rooms.get(name);
    if (room) {
      // Map order doubles as recency order for eviction.
      this.#rooms.delete(name);
    } else {
      room = { listeners: new Set(), history: [], members: 0 };
      this.#evictIdleRoom();
    }
    this.#rooms.set(name, room);
    return room;
  }

  #evictIdleRoom(): void {
    if (this.#rooms.size < MAX_ROOMS) return;
    for (const [name, room] of this.#rooms) {
      if (room.members === 0 && room.listeners.size === 0) {
        this.#rooms.delete(name);
        return;
      }
    }
  }

  subscribe(room: string, listener: (event: RoomEvent) => void): () => void {
    const listeners = this.#room(room).listeners;
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  async publish(room: string, event: RoomEvent): Promise<void> {
    const r = this.#room(room);
    if (event.type === 'message') {
      r.history.push(event);
      if (r.history.length > HISTORY_LIMIT) r.history.shift();
    }
    for (const listener of r.listeners) listener(event);
  }

  async history(room: string): Promise<ChatMessage[]> {
    return [...this.#room(room).history];
  }

  async join(room: string): Promise<number> {
    return ++this.#room(room).members;
  }

  async leave(room: string): Promise<number> {
    const r = this.#room(room);
    r.members = Math.max(0, r.members - 1);
    return r.members;
  }

  async rooms(): Promise<Array<{ room: string; count: number }>> {
    return [...this.#rooms].filter(([, r]) => r.members > 0).map(([room, r]) => ({ room, count: r.members }));
  }

  async close(): Promise<void> {
    this.#rooms.clear();
  }
}
