// Admission caps (total and per client address) and the per-connection
// message-rate limiter.

export type Refusal = 'max-conns' | 'max-conns-per-ip';

export class ConnectionLimiter {
  #total = 0;
  readonly #perIp = new Map<string, number>();

  constructor(
    private readonly maxTotal: number,
    /** 0 = no per-address cap. */
    private readonly maxPerIp: number,
  ) {}

  get total(): number {
    return this.#total;
  }

  /** Takes a slot for `ip`, or says which cap refuses it. */
  acquire(ip: string): Refusal | null {
    if (this.#total >= this.maxTotal) return 'max-conns';
    const held = this.#perIp.get(ip) ?? 0;
    if (this.maxPerIp > 0 && held >= this.maxPerIp) return 'max-conns-per-ip';
    this.#total++;
    this.#perIp.set(ip, held + 1);
    return null;
  }

  release(ip: string): void {
    const held = this.#perIp.get(ip) ?? 0;
    if (held <= 0) return;
    this.#total--;
    if (held === 1) this.#perIp.delete(ip);
    else this.#perIp.set(ip, held - 1);
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

  /** Spends one token; false when the bucket is empty. */
  take(): boolean {
    const now = performance.now();
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) * this.rate) / 1000);
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
