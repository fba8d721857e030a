// One server instance's link to Redis, shared by the chat rooms and the
// workshop hub: a command connection, a subscriber connection, and a registry
// of live instances so state left behind by a crashed instance stops counting.
//
// Redis is a relay, never a dependency of local delivery: commands fail fast
// while it is away (no offline queue), callers fall back to what this instance
// knows, and ioredis reconnects and resubscribes by itself when it returns.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

const CHANNEL = 'wsp:events';
const INSTANCES_KEY = 'wsp:instances';
/** How often this instance says it is alive, and how long until a silent one is ignored. */
const BEAT_MS = 2000;
const LIVE_MS = 10_000;

export interface RelayMessage {
  origin: string;
  kind: string;
  payload: unknown;
}

type Listener = (payload: unknown) => void;

export class RedisLink {
  readonly id: string = randomUUID();
  readonly #commands: Redis;
  readonly #subscriber: Redis;
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #beatHandlers = new Set<() => Promise<void>>();
  readonly #beat: NodeJS.Timeout;
  #down = false;

  constructor(url: string) {
    const options = {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times: number) => Math.min(200 * times, 2000),
    };
    this.#commands = new Redis(url, options);
    // The subscriber must queue its SUBSCRIBE until the first connect.
    this.#subscriber = new Redis(url, { ...options, enableOfflineQueue: true });
    for (const client of [this.#commands, this.#subscriber]) {
      client.on('error', (error: Error) => this.#reportDown(error));
      client.on('ready', () => this.#reportUp());
    }
    this.#subscriber.on('message', (_channel: string, raw: string) => this.#dispatch(raw));
    void this.#subscriber.subscribe(CHANNEL).catch((error: Error) => this.#reportDown(error));
    this.#beat = setInterval(() => void this.#heartbeat(), BEAT_MS);
    this.#beat.unref();
    void this.#heartbeat();
  }

  get redis(): Redis {
    return this.#commands;
  }

  /** Sends to every other instance; resolves false when Redis is away. */
  async publish(kind: string, payload: unknown): Promise<boolean> {
    const message: RelayMessage = { origin: this.id, kind, payload };
    try {
      await this.#commands.publish(CHANNEL, JSON.stringify(message));
      return true;
    } catch {
      return false;
    }
  }

  /** Calls `listener` for messages of `kind` published by other instances. */
  on(kind: string, listener: Listener): void {
    let set = this.#listeners.get(kind);
    if (!set) this.#listeners.set(kind, (set = new Set()));
    set.add(listener);
  }

  /** Runs `task` on every heartbeat, so state this instance owns is rewritten after Redis comes back. */
  onBeat(task: () => Promise<void>): void {
    this.#beatHandlers.add(task);
  }

  /** Ids of instances that have beaten recently, this one included. */
  async liveInstances(): Promise<Set<string>> {
    const beats = await this.#commands.hgetall(INSTANCES_KEY);
    const now = Date.now();
    const live = new Set([this.id]);
    for (const [id, at] of Object.entries(beats)) if (now - Number(at) < LIVE_MS) live.add(id);
    return live;
  }

  async close(): Promise<void> {
    clearInterval(this.#beat);
    await this.#commands.hdel(INSTANCES_KEY, this.id).catch(() => {});
    this.#commands.disconnect();
    this.#subscriber.disconnect();
  }

  async #heartbeat(): Promise<void> {
    try {
      await this.#commands.hset(INSTANCES_KEY, this.id, String(Date.now()));
      for (const task of this.#beatHandlers) await task();
    } catch {
      // Redis is away; the next beat tries again.
    }
  }

  #dispatch(raw: string): void {
    let message: RelayMessage;
    try {
      message = JSON.parse(raw) as RelayMessage;
    } catch {
      return;
    }
    if (message.origin === this.id) return;
    for (const listener of this.#listeners.get(message.kind) ?? []) listener(message.payload);
  }

  #reportDown(error: Error): void {
    if (this.#down) return;
    this.#down = true;
    console.error(`redis: unavailable (${error.message}); serving from this instance's memory until it returns`);
  }

  #reportUp(): void {
    if (!this.#down) return;
    this.#down = false;
    console.error('redis: connected again');
    void this.#heartbeat();
  }
}
