import { describe, expect, it } from 'vitest';
import { wrapAtWords } from '../../site/playground/word-wrap.ts';
import { displayWidth } from '../../site/playground/text-width.ts';

describe('wrapAtWords', () => {
  it('breaks at spaces, never inside a word', () => {
    const text = 'no file picked: choose one above the editor and run again';
    const wrapped = wrapAtWords(text, 20);
    expect(wrapped).toBe('no file picked:\nchoose one above the\neditor and run again');
    for (const line of wrapped.split('\n')) expect(line.length).toBeLessThanOrEqual(20);
  });

  it('leaves short lines and existing line breaks alone', () => {
    expect(wrapAtWords('short\nlines', 40)).toBe('short\nlines');
  });

  it('splits a word longer than a line, and wide characters by their two columns', () => {
    expect(wrapAtWords('x'.repeat(25), 10)).toBe('xxxxxxxxxx\nxxxxxxxxxx\nxxxxx');
    const chinese = '没有可发送的已打开连接，请先运行代码再发送消息';
    for (const line of wrapAtWords(chinese, 12).split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(12);
    expect(wrapAtWords(chinese, 12).replace(/\n/g, '')).toBe(chinese);
  });

  it('keeps indentation and does not wrap below a usable width', () => {
    expect(wrapAtWords('  indented words here', 12)).toBe('  indented\nwords here');
    expect(wrapAtWords('anything at all', 4)).toBe('anything at all');
  });
});
