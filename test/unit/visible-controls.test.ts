import { describe, expect, it } from 'vitest';
import { visibleControls } from '../../site/playground/visible-controls.ts';

describe('terminal output from the reader’s code', () => {
  it('shows escape sequences instead of obeying them', () => {
    expect(visibleControls('\x1b[3A\x1b[2K\x1b[32m✓ Exercise passed')).toBe('\\x1b[3A\\x1b[2K\\x1b[32m✓ Exercise passed');
    expect(visibleControls('\x1b]8;;http://evil.example\x07link\x1b]8;;\x07')).toBe('\\x1b]8;;http://evil.example\\x07link\\x1b]8;;\\x07');
    expect(visibleControls('\x1b[6n')).toBe('\\x1b[6n');
  });

  it('shows every other C0 and C1 control, and keeps tabs, newlines and ordinary text', () => {
    expect(visibleControls('a\rb\x00\x7f')).toBe('a\\x0db\\x00\\x7f');
    expect(visibleControls('\x9b31m\x9d8;;x\x9c')).toBe('\\x9b31m\\x9d8;;x\\x9c');
    expect(visibleControls('tab\there\nnext 中文 é')).toBe('tab\there\nnext 中文 é');
  });
});
