// Shows one run at a time: folds the runner's events into the run's record
// and turns them into terminal lines, editor marks and status changes. Events
// wait in a queue applied in slices of TIMING.renderBudgetMs, so a flood from
// the runner never holds the page and Stop stays clickable.
import type { UiStrings } from '../i18n/index.ts';
import { LIMITS, TIMING } from '../runner/limits.ts';
import type { Notice, RunEvent } from '../runner/protocol.ts';
import { applyRunEvent } from '../runner/record.ts';
import type { RunRecord } from '../runner/run-record.ts';
import type { CodeEditor } from './editor.ts';
import type { LineStyle, OutputTerminal } from './terminal.ts';

type Line = { style: LineStyle; text: string };

/**
 * A run's separator line waits this long for the run's first output, to be drawn with it: drawing it
 * on its own as the run starts takes the CPU the run's start needs (about 5 ms of the first Run's
 * echo, bench/page-budgets.ts). Under 0.1 s, it still reads as instant.
 */
const SEPARATOR_WAIT_MS = 100;

export interface RunOutput {
  /** Begins showing a new run under a separator saying `label` (whatever was queued for the last one is dropped). */
  start(record: RunRecord, label: string): void;
  push(events: readonly RunEvent[]): void;
  /** The runner's frame was lost during the run: end it, saying why when it crashed. */
  lost(cause: 'crashed' | 'unresponsive'): void;
}

export function createRunOutput(options: {
  terminal: Pick<OutputTerminal, 'printAll' | 'separator'>;
  editor: Pick<CodeEditor, 'markError'>;
  strings: UiStrings;
  /** After each slice that was applied. */
  changed(record: RunRecord): void;
  /** When the run's status changed. */
  status(record: RunRecord): void;
}): RunOutput {
  const { strings } = options;
  let record: RunRecord | undefined;
  let queue: RunEvent[] = [];
  let drainQueued = false;
  let startedAt = 0;
  let errorMarks = 0;
  let separator: { label: string; timer: ReturnType<typeof setTimeout> } | undefined;

  function printSeparator(): void {
    if (!separator) return;
    clearTimeout(separator.timer);
    options.terminal.separator(separator.label);
    separator = undefined;
  }

  function noticeText(notice: Notice): string {
    switch (notice.code) {
      case 'sent':
        return `> ${notice.text}`;
      case 'no-open-socket':
        return strings.noOpenSocket;
      case 'dropped':
        return strings.linesDropped.replace('{count}', String(notice.count));
      case 'limit':
        if (notice.what === 'lines') return strings.limitLines;
        return notice.what === 'sockets'
          ? strings.limitSockets.replace('{max}', String(LIMITS.socketsPerRun))
          : strings.limitFrames.replace('{max}', String(LIMITS.framesPerRun));
    }
  }

  function apply(run: RunRecord, event: RunEvent, lines: Line[]): void {
    if (event.kind === 'notice') {
      if (run.status === 'running')
        lines.push({ style: event.notice.code === 'sent' ? 'input' : 'system', text: noticeText(event.notice) });
      return;
    }
    if (!applyRunEvent(run, event, performance.now() - startedAt)) return;
    if (event.kind === 'console') lines.push({ style: event.entry.level, text: event.entry.text });
    else if (event.kind === 'error') {
      const { error } = event;
      const where = error.line ? ` ${strings.errorLine.replace('{line}', String(error.line))}` : '';
      lines.push({
        style: 'error',
        text: `${error.kind === 'rejection' ? 'Uncaught (in promise) ' : 'Uncaught '}${error.message}${where}`,
      });
      if (error.line && errorMarks++ < LIMITS.errorMarksPerRun) options.editor.markError(error.line, error.column, error.message);
    } else if (event.kind === 'status') {
      const ended = { stopped: strings.runStopped, finished: strings.runFinished, failed: strings.runFailed, running: '' }[run.status];
      if (ended) lines.push({ style: 'system', text: `── ${ended}` });
      options.status(run);
    }
  }

  function drain(): void {
    drainQueued = false;
    if (!record) return;
    const deadline = performance.now() + TIMING.renderBudgetMs;
    const lines: Line[] = [];
    let done = 0;
    while (done < queue.length && (done % 64 !== 0 || performance.now() < deadline)) apply(record, queue[done++]!, lines);
    queue = done === queue.length ? [] : queue.slice(done);
    if (lines.length > 0) printSeparator();
    options.terminal.printAll(lines);
    options.changed(record);
    if (queue.length > 0) drainSoon();
  }

  function drainSoon(): void {
    if (drainQueued) return;
    drainQueued = true;
    setTimeout(drain, 0);
  }

  return {
    start(next, label) {
      printSeparator();
      separator = { label, timer: setTimeout(printSeparator, SEPARATOR_WAIT_MS) };
      record = next;
      queue = [];
      errorMarks = 0;
      startedAt = performance.now();
    },
    push(events) {
      const waiting = queue.length > 0 || drainQueued;
      for (const event of events) queue.push(event);
      // After a pause (a Run's first echo) the batch is shown at once, not after the next frame is drawn;
      // while a flood keeps the queue full, it is applied in slices as before.
      if (waiting) drainSoon();
      else drain();
    },
    lost(cause) {
      if (cause === 'crashed') queue.push({ kind: 'error', error: { kind: 'error', message: strings.runOutOfMemory, time: 0 } });
      queue.push({ kind: 'status', status: 'stopped' });
      drainSoon();
    },
  };
}
