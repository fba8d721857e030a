// /presence: each participant's page keeps one of these open. It carries
// announcements down and, if the reader allows it, the slugs of the lessons
// they have passed up — anonymously, as a set of slugs and nothing else.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import { CloseCode } from '../../contracts/close-codes.ts';
import { SMALL_PAYLOAD, type Endpoint } from '../endpoints/endpoint.ts';
import type { WorkshopHub } from './workshop-hub.ts';

const MAX_SLUGS = 64;
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Reads a progress report; returns undefined when it is not one. */
export function parseProgress(text: string): string[] | null | undefined {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== 'progress') return undefined;
  const passed = (message as { passed?: unknown }).passed;
  if (passed === null) return null;
  if (!Array.isArray(passed) || passed.length > MAX_SLUGS) return undefined;
  return passed.every((slug) => typeof slug === 'string' && SLUG.test(slug)) ? (passed as string[]) : undefined;
}

export function createPresence(hub: WorkshopHub): Endpoint {
  return {
    path: WS_PATHS.presence,
    pool: 'workshop',
    origins: 'site',
    maxPayload: SMALL_PAYLOAD,
    open(conn) {
      const participant = hub.join();
      const stop = hub.onAnnouncement((announcement) => conn.sendJson(announcement));
      if (hub.lastAnnouncement) conn.sendJson(hub.lastAnnouncement);
      conn.onMessage((data, isBinary) => {
        if (isBinary) return conn.close(CloseCode.UnsupportedData, 'presence takes JSON text messages only');
        const passed = parseProgress(data.toString('utf8'));
        if (passed === undefined) {
          return conn.sendJson({ type: 'error', message: 'expected {"type":"progress","passed":[lesson slugs] or null}' });
        }
        participant.setProgress(passed);
      });
      conn.onClose(() => {
        stop();
        participant.leave();
      });
    },
  };
}
