// Batches run events from the worker to the frame, and keeps the run within
// LIMITS: console lines and errors share one budget (a burst, then a rate,
// and a ceiling per run), so neither `while (true) console.log(…)` nor 50,000
// rejected promises can flood the page.
import { LIMITS } from '../limits.ts';
import type { RunEvent } from '../protocol.ts';

export interface Outbox {
  push(event: RunEvent): void;
  /** A console line or an error: sent when the line budget allows, else counted. */
  line(event: Extract<RunEvent, { kind: 'console' | 'error' }>): void;
  flush(): void;
}

export function createOutbox(
  post: (events: RunEvent[]) => void,
  now: () => number,
  /** The worker's own setTimeout, captured before the reader's code could replace it. */
  later: (run: () => void, ms: number) => void,
): Outbox {
  let queue: RunEvent[] = [];
  let scheduled = false;
  let tokens: number = LIMITS.lineBurst;
  let refilledAt = now();
  let lines = 0;
  let dropped = 0;
  let sent = 0;
  let flushedAt = now();

  function flush(): void {
    flushedAt = now();
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    post(batch);
  }

  function push(event: RunEvent): void {
    if (sent >= LIMITS.eventsPerRun) return;
    sent++;
    queue.push(event);
    if (!scheduled) {
      // Leading edge: the first event goes at once (the code may never yield again,
      // as in `console.log(…); while (true) {}`); the rest wait for the next flush or a full batch.
      flush();
      scheduled = true;
      later(() => {
        scheduled = false;
        flush();
      }, LIMITS.flushEveryMs);
    } else if (queue.length >= LIMITS.eventsPerBatch || now() - flushedAt >= LIMITS.flushEveryMs) {
      // Also by time: a long synchronous loop (10,000 constructors) never lets the timer fire.
      flush();
    }
  }

  function line(event: Extract<RunEvent, { kind: 'console' | 'error' }>): void {
    const t = now();
    // The clock restarts when a run begins in a worker started ahead of it: never refill by a negative time.
    tokens = Math.min(LIMITS.lineBurst, tokens + (Math.max(0, t - refilledAt) / 1000) * LIMITS.linesPerSecond);
    refilledAt = t;
    if (lines >= LIMITS.linesPerRun) {
      if (lines++ === LIMITS.linesPerRun) push({ kind: 'notice', notice: { code: 'limit', what: 'lines' } });
      return;
    }
    if (tokens < 1) {
      dropped++;
      return;
    }
    tokens--;
    lines++;
    if (dropped > 0) {
      push({ kind: 'notice', notice: { code: 'dropped', count: dropped } });
      dropped = 0;
    }
    push(event);
    // At once, with what is queued before it: the code may never yield again (`console.log(…); while (true) {}`).
    // The line budget already bounds how often this posts.
    flush();
  }

  return { push, line, flush };
}
