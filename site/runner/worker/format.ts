// console.* arguments formatted the way a browser console previews them:
// strings raw at the top level, objects and arrays as one-line previews,
// binary data as hex, Blobs as type and size, Errors with their message.
import { bytesOf, hexPreview } from '../hex.ts';
import { LIMITS } from '../limits.ts';

const MAX_DEPTH = 2;
const MAX_ITEMS = 50;
const HEX_BYTES = 32;
const MAX_STRING = LIMITS.charsPerLine;

/** Getters worth showing for host objects whose state lives on the prototype. */
const HOST_FIELDS: Record<string, readonly string[]> = {
  WebSocket: ['url', 'readyState', 'protocol', 'extensions', 'binaryType', 'bufferedAmount'],
  MessageEvent: ['type', 'data', 'origin', 'lastEventId'],
  CloseEvent: ['type', 'code', 'reason', 'wasClean'],
  ErrorEvent: ['type', 'message', 'filename', 'lineno'],
  Event: ['type'],
};

function constructorName(value: object): string {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return '';
  const ctor = (proto as { constructor?: { name?: unknown } }).constructor;
  return typeof ctor?.name === 'string' ? ctor.name : '';
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

function formatError(error: Error): string {
  const name = error.name || constructorName(error) || 'Error';
  return error.message ? `${name}: ${error.message}` : name;
}

function listPreview(items: string[], total: number): string {
  return total > items.length ? `${items.join(', ')}, …` : items.join(', ');
}

function formatBinary(name: string, data: ArrayBuffer | ArrayBufferView): string {
  const bytes = bytesOf(data);
  const length = ArrayBuffer.isView(data) && !(data instanceof DataView) ? (data as unknown as { length: number }).length : bytes.length;
  return `${name}(${length}) [${hexPreview(bytes, HEX_BYTES)}]`;
}

function formatEntries(value: object, name: string, depth: number, seen: Set<object>): string {
  const fields = HOST_FIELDS[name];
  const keys = fields ?? Object.keys(value);
  const shown = keys.slice(0, MAX_ITEMS).map((key) => {
    const item = (value as Record<string, unknown>)[key];
    return `${key}: ${formatNested(item, depth + 1, seen)}`;
  });
  const body = `{${listPreview(shown, keys.length)}}`;
  return name === 'Object' || name === '' ? body : `${name} ${body}`;
}

function formatObject(value: object, depth: number, seen: Set<object>): string {
  if (seen.has(value)) return '[Circular]';
  const name = constructorName(value);
  if (value instanceof Error) return formatError(value);
  if (value instanceof ArrayBuffer) return formatBinary('ArrayBuffer', value);
  if (ArrayBuffer.isView(value)) return formatBinary(name || 'ArrayBufferView', value);
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    const fileName = typeof File !== 'undefined' && value instanceof File ? `name: ${quote(value.name)}, ` : '';
    return `${name || 'Blob'} {${fileName}type: ${quote(value.type)}, size: ${value.size}}`;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (value instanceof Promise) return 'Promise {…}';
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? `Array(${value.length})` : name && name !== 'Object' ? `${name} {…}` : '{…}';
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_ITEMS).map((item: unknown) => formatNested(item, depth + 1, seen));
      return `(${value.length}) [${listPreview(items, value.length)}]`;
    }
    if (value instanceof Map) {
      const items = [...value]
        .slice(0, MAX_ITEMS)
        .map(([k, v]: [unknown, unknown]) => `${formatNested(k, depth + 1, seen)} => ${formatNested(v, depth + 1, seen)}`);
      return `Map(${value.size}) {${listPreview(items, value.size)}}`;
    }
    if (value instanceof Set) {
      const items = [...value].slice(0, MAX_ITEMS).map((item: unknown) => formatNested(item, depth + 1, seen));
      return `Set(${value.size}) {${listPreview(items, value.size)}}`;
    }
    return formatEntries(value, name, depth, seen);
  } finally {
    seen.delete(value);
  }
}

function formatNested(value: unknown, depth: number, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return quote(capped(value));
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return `ƒ ${value.name || 'anonymous'}()`;
    default:
      return value === null ? 'null' : formatObject(value as object, depth, seen);
  }
}

/** A string cut to one line's budget, so `console.log('x'.repeat(1e8))` sends 4,000 characters, not 100 MB. */
function capped(text: string): string {
  return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
}

/** One value as the console shows it at the top level (strings unquoted). */
export function formatValue(value: unknown): string {
  return capped(typeof value === 'string' ? value : formatNested(value, 0, new Set()));
}

/** Applies printf-style substitutions (%s %d %i %f %o %O %j %c) the way consoles do. */
function substitute(template: string, rest: unknown[]): [string, unknown[]] {
  const args = [...rest];
  const text = template.replace(/%([sdifoOjc%])/g, (match, spec: string) => {
    if (spec === '%') return '%';
    if (args.length === 0) return match;
    const arg = args.shift();
    switch (spec) {
      case 's':
        return typeof arg === 'string' ? arg : formatValue(arg);
      case 'd':
      case 'i':
        return String(Math.trunc(Number(arg)));
      case 'f':
        return String(Number(arg));
      case 'c':
        return '';
      default:
        return formatNested(arg, 0, new Set());
    }
  });
  return [text, args];
}

/** A console call's arguments as one line of text, joined by spaces. */
export function formatArgs(args: readonly unknown[]): string {
  const [first, ...rest] = args.slice(0, MAX_ITEMS);
  if (typeof first === 'string' && first.includes('%')) {
    const [text, remaining] = substitute(capped(first), rest);
    return capped([text, ...remaining.map(formatValue)].join(' '));
  }
  return capped(args.slice(0, MAX_ITEMS).map(formatValue).join(' '));
}
