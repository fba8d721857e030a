// Output from the reader's code is text, never terminal commands: every
// control character but tab and newline is shown as the escape a reader would
// type in a JavaScript string, so `\x1b[3A` prints `\x1b[3A` instead of moving
// the cursor, and an OSC 8 link or a `\x1b[6n` query does nothing. Escapes
// rather than Unicode's Control Pictures (␛): no font on a stock Debian or
// many Linux desktops has those, and they would show as empty boxes.

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

const escape = (char: string): string => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;

export function visibleControls(text: string): string {
  return text.replace(CONTROLS, escape);
}
