// The request target as a URL, or null when it cannot be parsed (e.g. "//[").
import type { IncomingMessage } from 'node:http';

export function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}
