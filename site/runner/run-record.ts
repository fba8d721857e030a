// What one run of the reader's code really did. The runner fills it in; the
// terminal, the inspector and each lesson's exercise check read it.

import type { Locale } from '../i18n/locales.ts';

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export interface ConsoleEntry {
  level: ConsoleLevel;
  /** The arguments formatted the way a browser console shows them, joined by spaces. */
  text: string;
  /** Milliseconds since the run started. */
  time: number;
}

export interface RunError {
  /** 'error' for an uncaught exception, 'rejection' for an unhandled promise rejection. */
  kind: 'error' | 'rejection';
  message: string;
  /** 1-based line in the editor's code, when known. */
  line?: number;
  column?: number;
  time: number;
}

export type ReadyState = 0 | 1 | 2 | 3;

export interface FrameRecord {
  dir: 'out' | 'in';
  type: 'text' | 'binary';
  /** Bytes: UTF-8 length for text, byteLength/size for binary. */
  size: number;
  /** Milliseconds since this socket was constructed. */
  time: number;
  /** Text messages: the text, cut to LIMITS.frameTextChars. */
  text?: string;
  /** Binary messages: hex of the first LIMITS.frameHexBytes bytes. */
  hex?: string;
  /** For binary: what the code sent or received ('ArrayBuffer', 'Blob', 'Uint8Array', ...). */
  binaryKind?: string;
}

export interface SocketRecord {
  /** 1, 2, 3... in the order the code constructed them. */
  id: number;
  url: string;
  protocols: string[];
  /** Milliseconds since the run started, when the constructor ran. */
  createdAt: number;
  /** Every readyState the socket went through, with times since construction. */
  states: Array<{ state: ReadyState; time: number }>;
  /** Events dispatched to the code, in order. */
  events: Array<{ type: 'open' | 'message' | 'error' | 'close'; time: number }>;
  frames: FrameRecord[];
  /** Messages past the runner's limits: counted, not kept. */
  framesDropped?: number;
  /** Set once the close event fired (or, for a socket still open when Stop ended its worker, as the server saw it: 1006). */
  close?: { code: number; reason: string; wasClean: boolean; time: number };
  /** bufferedAmount sampled while it was above zero, and once when it returned to zero. */
  buffered: Array<{ time: number; amount: number }>;
  binaryType: 'blob' | 'arraybuffer';
}

export interface RunRecord {
  /** The code that ran. */
  code: string;
  console: ConsoleEntry[];
  errors: RunError[];
  sockets: SocketRecord[];
  /**
   * running until the run is over: finished (top level returned, every socket closed, no timer pending),
   * stopped by the reader, or failed (the top level threw).
   */
  status: 'running' | 'finished' | 'stopped' | 'failed';
}

export interface CheckResult {
  pass: boolean;
  /** Shown when the check fails: what to try next, in both languages. */
  hint?: Record<Locale, string>;
}

/** The default export of `lessons/<slug>/check.js`. Pure: it reads the record, nothing else. */
export type LessonCheck = (run: RunRecord) => CheckResult;
