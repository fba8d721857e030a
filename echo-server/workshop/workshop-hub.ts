// What the instructor sees and says: participants connected over the presence
// socket, the lessons they have passed (reported anonymously, never tied to a
// name), and announcements pushed to every participant at once. With a Redis
// link, instances publish their local figures and add up everyone's.
import type { Announcement, RoomSize, WorkshopSnapshot } from '../../contracts/workshop.ts';
import type { RedisLink } from './redis-link.ts';

const STATS_KEY = 'wsp:stats';

interface InstanceStats {
  participants: number;
  reporting: number;
  passed: Record<string, number>;
}

/** One participant's presence; `passed` is null while they do not share progress. */
export interface Participant {
  setProgress(passed: readonly string[] | null): void;
  leave(): void;
}

export class WorkshopHub {
  readonly #progress = new Set<{ passed: ReadonlySet<string> | null }>();
  readonly #listeners = new Set<(a: Announcement) => void>();
  #last: Announcement | null = null;

  constructor(
    private readonly link: RedisLink | null,
    private readonly roomSizes: () => Promise<RoomSize[]>,
  ) {
    link?.on('announce', (payload) => this.#deliver(payload as Announcement));
    link?.onBeat(() => this.#publishStats());
  }

  join(): Participant {
    const entry: { passed: ReadonlySet<string> | null } = { passed: null };
    this.#progress.add(entry);
    return {
      setProgress: (passed) => {
        entry.passed = passed === null ? null : new Set(passed);
      },
      leave: () => this.#progress.delete(entry),
    };
  }

  /** The latest announcement, for participants who join after it was made. */
  get lastAnnouncement(): Announcement | null {
    return this.#last;
  }

  onAnnouncement(listener: (a: Announcement) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async announce(text: string): Promise<Announcement> {
    const announcement: Announcement = { type: 'announcement', text, time: new Date().toISOString() };
    this.#deliver(announcement);
    await this.link?.publish('announce', announcement);
    return announcement;
  }

  async snapshot(): Promise<WorkshopSnapshot> {
    const rooms = await this.roomSizes();
    const all = await this.#allStats();
    const passed: Record<string, number> = {};
    for (const stats of all) for (const [slug, n] of Object.entries(stats.passed)) passed[slug] = (passed[slug] ?? 0) + n;
    return {
      type: 'snapshot',
      participants: all.reduce((n, s) => n + s.participants, 0),
      reporting: all.reduce((n, s) => n + s.reporting, 0),
      passed,
      rooms: rooms.sort((a, b) => b.count - a.count || a.room.localeCompare(b.room)),
      instances: all.length,
    };
  }

  #deliver(announcement: Announcement): void {
    this.#last = announcement;
    for (const listener of this.#listeners) listener(announcement);
  }

  #localStats(): InstanceStats {
    const passed: Record<string, number> = {};
    let reporting = 0;
    for (const { passed: slugs } of this.#progress) {
      if (slugs === null) continue;
      reporting++;
      for (const slug of slugs) passed[slug] = (passed[slug] ?? 0) + 1;
    }
    return { participants: this.#progress.size, reporting, passed };
  }

  async #publishStats(): Promise<void> {
    await this.link?.redis.hset(STATS_KEY, this.link.id, JSON.stringify(this.#localStats()));
  }

  /** Every live instance's figures; only this instance's when Redis is absent or away. */
  async #allStats(): Promise<InstanceStats[]> {
    const local = this.#localStats();
    if (!this.link) return [local];
    try {
      await this.#publishStats();
      const [raw, live] = await Promise.all([this.link.redis.hgetall(STATS_KEY), this.link.liveInstances()]);
      return Object.entries(raw)
        .filter(([id]) => live.has(id) && id !== this.link?.id)
        .map(([, json]) => JSON.parse(json) as InstanceStats)
        .concat(local);
    } catch {
      return [local];
    }
  }
}
