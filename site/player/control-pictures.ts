// Output from the reader's code is text, never terminal commands: every
// control character but tab and newline is shown as its picture, so
// `\x1b[3A` prints `␛[3A` instead of moving the cursor, and an OSC 8 link or a
// `\x1b[6n` query does nothing. C1 controls are shown as their 7-bit
// equivalent (0x9b, CSI, as `␛[`).

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

function picture(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `\u241b${String.fromCharCode(code - 0x40)}`;
}

export function visibleControls(text: string): string {
  return text.replace(CONTROLS, picture);
}
