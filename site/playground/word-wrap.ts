// Wraps terminal lines at spaces. xterm.js wraps at the last column whatever
// is there, which splits English words in two on a phone's narrow terminal.
import { displayWidth } from './text-width.ts';

/** Below this many columns there is no room to wrap sensibly; xterm's own wrap is left to it. */
const MIN_COLUMNS = 10;

/** Splits a word wider than a line where it must (CJK text, which has no spaces, always goes this way). */
function splitWide(word: string, cols: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (displayWidth(piece + char) > cols) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  return [...pieces, piece];
}

function wrapLine(line: string, cols: number): string[] {
  if (displayWidth(line) <= cols) return [line];
  const lines: string[] = [];
  let current = '';
  // Each token is a word with the spaces after it.
  for (const token of line.match(/\S*\s*/g) ?? []) {
    if (!token) continue;
    if (displayWidth(current + token.trimEnd()) <= cols) {
      current += token;
      continue;
    }
    if (current.trim()) lines.push(current.trimEnd());
    const pieces = splitWide(token.trimEnd(), cols);
    lines.push(...pieces.slice(0, -1));
    current = (pieces.at(-1) ?? '') + token.slice(token.trimEnd().length);
  }
  if (current.trim() || lines.length === 0) lines.push(current.trimEnd());
  return lines;
}

/** `text` with line breaks added at spaces so no line is wider than `cols` terminal columns. */
export function wrapAtWords(text: string, cols: number): string {
  if (cols < MIN_COLUMNS) return text;
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, cols))
    .join('\n');
}
