import { describe, expect, it, vi } from 'vitest';
import { errorMessage, locationInStack } from '../../site/runner/worker/error-location.ts';
import { formatValue } from '../../site/runner/worker/format.ts';
import { createOutbox } from '../../site/runner/worker/outbox.ts';
import type { RunEvent } from '../../site/runner/protocol.ts';
import { chooseLocale } from '../../site/page/choose-locale.ts';
import { serverGlobals } from '../../site/runner/page/runner-host.ts';
import { displayWidth } from '../../site/playground/text-width.ts';

describe('error locations', () => {
  const url = 'blob:null/0c6a6f0e-1b1d-4f7e-9a7e-3c0e8f1d2a11';

  it('finds the first frame in the reader’s module', () => {
    const stack = `TypeError: x is not a function\n    at f (${url}:7:13)\n    at ${url}:12:1`;
    expect(locationInStack(stack, url)).toEqual({ line: 7, column: 13 });
  });

  it('gives nothing for frames elsewhere or no stack', () => {
    expect(locationInStack('Error\n    at blob:null/other:3:4', url)).toBeUndefined();
    expect(locationInStack(undefined, url)).toBeUndefined();
  });

  it('words thrown values', () => {
    expect(errorMessage(new RangeError('too far'), formatValue)).toBe('RangeError: too far');
    expect(errorMessage({ code: 4 }, formatValue)).toBe('Uncaught {code: 4}');
    expect(errorMessage('plain', formatValue)).toBe('Uncaught plain');
  });
});

describe('outbox', () => {
  it('rate-limits console floods with a dropped notice, and sends each line at once', () => {
    vi.useFakeTimers();
    const batches: RunEvent[][] = [];
    let clock = 0;
    const outbox = createOutbox(
      (events) => batches.push(events),
      () => clock,
      (run, ms) => void setTimeout(run, ms),
    );
    for (let i = 0; i < 2000; i++) outbox.line({ kind: 'console', entry: { level: 'log', text: String(i), time: clock } });
    outbox.flush();
    const sent = batches.flat().filter((e) => e.kind === 'console');
    expect(sent.length).toBe(500);
    clock += 1000;
    outbox.line({ kind: 'console', entry: { level: 'log', text: 'after', time: clock } });
    outbox.flush();
    const tail = batches.flat().slice(-2);
    expect(tail[0]).toEqual({ kind: 'notice', notice: { code: 'dropped', count: 1500 } });
    expect(tail[1]).toMatchObject({ kind: 'console', entry: { text: 'after' } });
    vi.useRealTimers();
  });
});

describe('page helpers', () => {
  it('picks the locale from the browser’s languages, Chinese by default', () => {
    expect(chooseLocale(['en-US', 'zh-CN'])).toBe('en');
    expect(chooseLocale(['fr', 'zh-TW'])).toBe('zh');
    expect(chooseLocale(['de'])).toBe('zh');
    expect(chooseLocale([])).toBe('zh');
  });

  it('points the runner globals at the serving host', () => {
    expect(serverGlobals({ protocol: 'http:', host: 'localhost:8080' })).toEqual({
      ECHO_URL: 'ws://localhost:8080/echo',
      SERVER_URL: 'ws://localhost:8080',
    });
    expect(serverGlobals({ protocol: 'https:', host: 'ws.example' }).ECHO_URL).toBe('wss://ws.example/echo');
  });

  it('counts wide characters as two terminal columns', () => {
    expect(displayWidth('run #1')).toBe(6);
    expect(displayWidth('运行 #1')).toBe(7);
  });
});
