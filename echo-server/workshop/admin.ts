// /admin?token=T: the instructor page's socket. It gets a snapshot of the
// workshop every second and may send announcements to every participant.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import { MAX_ANNOUNCEMENT_LENGTH, type AdminReply } from '../../contracts/workshop.ts';
import { BadRequest, SMALL_PAYLOAD, type Endpoint } from '../endpoints/endpoint.ts';
import type { TokenAttempts } from './token-attempts.ts';
import type { WorkshopHub } from './workshop-hub.ts';

const SNAPSHOT_MS = 1000;

function parseAnnouncement(text: string): string | undefined {
  try {
    const message = JSON.parse(text) as { type?: unknown; text?: unknown };
    if (message.type !== 'announce' || typeof message.text !== 'string') return undefined;
    const body = message.text.trim();
    return body.length > 0 && [...body].length <= MAX_ANNOUNCEMENT_LENGTH ? body : undefined;
  } catch {
    return undefined;
  }
}

export function createAdmin(hub: WorkshopHub, attempts: TokenAttempts): Endpoint {
  return {
    path: WS_PATHS.admin,
    pool: 'admin',
    origins: 'site',
    maxPayload: SMALL_PAYLOAD,
    parse(query, _req, client) {
      const verdict = attempts.check(client.address, query.get('token'));
      if (verdict === 'missing') throw new BadRequest('the instructor token is required', 401);
      if (verdict === 'wrong') throw new BadRequest('the instructor token is wrong', 403);
      if (verdict === 'too-many') throw new BadRequest('too many wrong instructor tokens from your address; wait a minute', 429);
    },
    open(conn) {
      const send = () => void hub.snapshot().then((snapshot) => conn.sendJson(snapshot));
      send();
      const timer = setInterval(send, SNAPSHOT_MS);
      conn.onMessage((data, isBinary) => {
        const text = isBinary ? undefined : parseAnnouncement(data.toString('utf8'));
        if (text === undefined) {
          return conn.sendJson({
            type: 'error',
            message: `expected {"type":"announce","text":"…"} with 1–${MAX_ANNOUNCEMENT_LENGTH} characters`,
          } satisfies AdminReply);
        }
        void hub.announce(text).then((announcement) => conn.sendJson({ ...announcement, type: 'announced' } satisfies AdminReply));
      });
      conn.onClose(() => clearInterval(timer));
    },
  };
}
