// Everything a run may send to the page, in one place. A run is a stranger's
// code (share links) or a learner's accident (a loop), so each flow from the
// worker to the page has a ceiling; past it the runner counts, and keeps nothing.
// The worker keeps to these, and the page enforces them again (it trusts
// neither the worker nor the frame).
import { DEFAULT_MAX_CONNS_PER_IP } from '../../contracts/limits.ts';

export const LIMITS = {
  /** Console lines and errors shown in one run. */
  linesPerRun: 2000,
  /** Lines allowed in a burst, and refilled per second after it. */
  lineBurst: 500,
  linesPerSecond: 250,
  /** Characters kept of one console line or error message. */
  charsPerLine: 4000,
  /** Sockets of one run the inspector follows; more still work, and are counted. */
  socketsPerRun: 100,
  /**
   * Sockets one run may open at all: the server's default cap per address (--max-conns-per-ip). Past it
   * the constructor throws, as 10,000 connections at once would tie up the browser and the server.
   */
  socketsOpenedPerRun: DEFAULT_MAX_CONNS_PER_IP,
  /** Messages kept per socket, and across the run. */
  framesPerSocket: 1000,
  framesPerRun: 5000,
  /** bufferedAmount samples kept per socket. */
  samplesPerSocket: 1000,
  /** Characters of a text message, bytes of a binary one, kept for the inspector. */
  frameTextChars: 4096,
  frameHexBytes: 1024,
  /** Events in one message from the frame; the worker flushes its outbox at most this often. */
  eventsPerBatch: 500,
  flushEveryMs: 50,
  /** Events of any kind one run may deliver to the page. */
  eventsPerRun: 50_000,
  /** Editor lines marked with an error per run. */
  errorMarksPerRun: 20,
} as const;

/** Timing of the runner's lifecycle (not limits on the code, but what Stop and the watchdog promise). */
export const TIMING = {
  /** After Stop, the worker may close its sockets cleanly for this long before it is terminated. */
  stopGraceMs: 250,
  /** The page replaces the frame if Stop is not confirmed within this. */
  stopDeadlineMs: 800,
  /** The frame tells the page it is alive this often... */
  heartbeatMs: 250,
  /** ...and is taken for dead (its process crashed, e.g. out of memory) after this much silence. */
  frameDeadAfterMs: 2000,
  /** The page's share of each frame for applying run events and drawing them. */
  renderBudgetMs: 8,
} as const;
