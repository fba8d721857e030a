// Admission caps (total and per client address) and the per-connection
// message-rate limiter.

/**
 * Which pool a socket counts against. Lesson sockets cannot use up the
 * workshop's pool, and the instructor's reserve is out of everyone else's reach.
 */
export type Pool = 'lesson' | 'workshop' | 'admin';

export type Refusal = 'max-conns' | 'max-workshop-conns' | 'max-admin-conns' | 'max-conns-per-ip' | 'max-workshop-conns-per-ip';

export interface ConnectionCaps {
  /** Open sockets per pool. */
  pools: Record<Pool, number>;
  /** Lesson and workshop sockets per client address; 0 = no cap. */
  perIp: number;
  /** Workshop sockets per client address; 0 = no cap. */
  workshopPerIp: number;
}

/** Counts per key, each under a cap (0 = none). */
class Tally {
  readonly #counts = new Map<string, number>();

  count(key: string): number {
    return this.#counts.get(key) ?? 0;
  }

  full(key: string, cap: number): boolean {
    return cap > 0 && this.count(key) >= cap;
  }

  add(key: string, delta: 1 | -1): void {
    const next = this.count(key) + delta;
    if (next <= 0) this.#counts.delete(key);
    else this.#counts.set(key, next);
  }
}

const POOL_REFUSAL: Record<Pool, Refusal> = { lesson: 'max-conns', workshop: 'max-workshop-conns', admin: 'max-admin-conns' };

export class ConnectionLimiter {
  readonly #pools = new Tally();
  readonly #perIp = new Tally();
  readonly #workshopPerIp = new Tally();

  constructor(private readonly caps: ConnectionCaps) {}

  /** Takes a slot in `pool` for `ip`: the release function, or which cap refuses it. */
  acquire(pool: Pool, ip: string): Refusal | (() => void) {
    if (this.#pools.full(pool, this.caps.pools[pool])) return POOL_REFUSAL[pool];
    // The instructor proved who they are with the token; per-address caps are for participants.
    const perIp = pool !== 'admin';
    if (perIp && this.#perIp.full(ip, this.caps.perIp)) return 'max-conns-per-ip';
    const workshop = pool === 'workshop';
    if (workshop && this.#workshopPerIp.full(ip, this.caps.workshopPerIp)) return 'max-workshop-conns-per-ip';
    const take = (delta: 1 | -1) => {
      this.#pools.add(pool, delta);
      if (perIp) this.#perIp.add(ip, delta);
      if (workshop) this.#workshopPerIp.add(ip, delta);
    };
    take(1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      take(-1);
    };
  }
}

/** Token bucket: `rate` tokens per second, holding at most `burst`. */
export class TokenBucket {
  #tokens: number;
  #last = performance.now();

  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.#tokens = burst;
  }

  /** True when at least one token is there. */
  get ready(): boolean {
    return this.#refill() >= 1;
  }

  /** Spends `cost` tokens; false (spending nothing) when there are not that many. */
  take(cost = 1): boolean {
    if (this.#refill() < cost) return false;
    this.#tokens -= cost;
    return true;
  }

  #refill(): number {
    const now = performance.now();
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) * this.rate) / 1000);
    this.#last = now;
    return this.#tokens;
  }
}
