// Wrong instructor tokens, counted per client address: a few mistakes are
// free, then each address may try once every few seconds, so guessing the
// token takes forever instead of 7,000 tries a second.
import { TokenBucket } from '../limits.ts';
import { checkAdminToken, type TokenVerdict } from './admin-token.ts';

/** Wrong tokens an address may send at once, and how many more per minute after that. */
export const FREE_WRONG_TOKENS = 10;
const WRONG_TOKENS_PER_MINUTE = 10;
/** Addresses remembered at most; past this the oldest is forgotten (it has long refilled). */
const MAX_ADDRESSES = 10_000;

export type GuardedVerdict = TokenVerdict | 'too-many';

export class TokenAttempts {
  readonly #wrong = new Map<string, TokenBucket>();

  constructor(private readonly token: string) {}

  /** Checks `given` for `address`; an address that has spent its wrong guesses is refused without a check. */
  check(address: string, given: string | null): GuardedVerdict {
    let bucket = this.#wrong.get(address);
    if (bucket && !bucket.ready) return 'too-many';
    const verdict = checkAdminToken(this.token, given);
    if (verdict !== 'wrong') return verdict;
    if (!bucket) {
      if (this.#wrong.size >= MAX_ADDRESSES) this.#wrong.delete(this.#wrong.keys().next().value!);
      this.#wrong.set(address, (bucket = new TokenBucket(WRONG_TOKENS_PER_MINUTE / 60, FREE_WRONG_TOKENS)));
    }
    bucket.take();
    return 'wrong';
  }
}
