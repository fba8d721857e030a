// Maps an error in the reader's code to an editor line. The code runs as a
// module, unchanged but for a sourceURL comment after its last line, so the
// line:column of its name in a stack frame is the editor's line:column.

export interface Location {
  line: number;
  column: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first stack frame pointing into `moduleUrl`, if any. */
export function locationInStack(stack: string | undefined, moduleUrl: string): Location | undefined {
  if (!stack || !moduleUrl) return undefined;
  const match = new RegExp(`${escapeRegExp(moduleUrl)}:(\\d+):(\\d+)`).exec(stack);
  if (!match) return undefined;
  return { line: Number(match[1]), column: Number(match[2]) };
}

/** message for anything thrown: Errors as "Name: message", other values formatted by the caller. */
export function errorMessage(thrown: unknown, format: (value: unknown) => string): string {
  if (thrown instanceof Error) return thrown.message ? `${thrown.name}: ${thrown.message}` : thrown.name;
  return `Uncaught ${format(thrown)}`;
}
