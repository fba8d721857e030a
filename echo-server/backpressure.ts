// Flow control towards a peer. When our queue to a peer passes the high-water
// mark we stop reading from it (ws 8's pause()), so a peer that sends but never
// reads cannot make the server buffer its echoes without bound; reading resumes
// once the queue has drained.
import type { WebSocket } from 'ws';

export const HIGH_WATER_MARK = 1024 * 1024;

/** Why reading from a peer is paused; reading resumes only when no reason holds. */
export const PauseReason = { Backpressure: 1, Pacing: 2, Expelled: 4 } as const;
export type PauseReason = (typeof PauseReason)[keyof typeof PauseReason];

export class ReadGate {
  #held = 0;

  constructor(private readonly ws: WebSocket) {}

  get paused(): boolean {
    return this.#held !== 0;
  }

  hold(reason: PauseReason): void {
    if (this.#held === 0) this.ws.pause();
    this.#held |= reason;
  }

  release(reason: PauseReason): void {
    if ((this.#held & reason) === 0) return;
    this.#held &= ~reason;
    if (this.#held === 0) this.ws.resume();
  }
}

/**
 * Sends `data`. Below the mark this is a plain send; above it, the send carries a
 * callback (called once the data is handed to the OS) that resumes reading when
 * the queue is back under the mark.
 */
export function sendWithBackpressure(ws: WebSocket, gate: ReadGate, data: Buffer | string, isBinary: boolean, size: number): void {
  if (ws.bufferedAmount + size <= HIGH_WATER_MARK) {
    ws.send(data, { binary: isBinary });
    return;
  }
  gate.hold(PauseReason.Backpressure);
  ws.send(data, { binary: isBinary }, () => {
    if (ws.bufferedAmount <= HIGH_WATER_MARK) gate.release(PauseReason.Backpressure);
  });
}
