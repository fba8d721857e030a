// Batches run events from the worker to the page, and rate-limits console
// output so `while (true) console.log(…)` cannot flood the page's main thread.
import type { RunEvent } from './protocol.ts';
import type { ConsoleEntry } from './run-record.ts';

const BATCH = 100;
/** Console lines allowed in a burst, and refilled per second after it. */
const CONSOLE_BURST = 500;
const CONSOLE_PER_SECOND = 250;

export interface Outbox {
  push(event: RunEvent): void;
  console(entry: ConsoleEntry): void;
  flush(): void;
}

export function createOutbox(post: (events: RunEvent[]) => void, now: () => number): Outbox {
  let queue: RunEvent[] = [];
  let scheduled = false;
  let tokens = CONSOLE_BURST;
  let refilledAt = now();
  let dropped = 0;

  function flush(): void {
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    post(batch);
  }

  function push(event: RunEvent): void {
    queue.push(event);
    if (!scheduled) {
      // Leading edge: the first event goes at once (the code may never yield again,
      // as in `console.log(…); while (true) {}`); the rest wait for the next task or a full batch.
      flush();
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        flush();
      }, 0);
    } else if (queue.length >= BATCH) flush();
  }

  function consoleEntry(entry: ConsoleEntry): void {
    const t = now();
    // The clock restarts when a run begins in a worker started ahead of it: never refill by a negative time.
    tokens = Math.min(CONSOLE_BURST, tokens + (Math.max(0, t - refilledAt) / 1000) * CONSOLE_PER_SECOND);
    refilledAt = t;
    if (tokens < 1) {
      dropped++;
      return;
    }
    tokens--;
    if (dropped > 0) {
      push({ kind: 'notice', notice: { code: 'dropped', count: dropped } });
      dropped = 0;
    }
    push({ kind: 'console', entry });
  }

  return { push, console: consoleEntry, flush };
}
