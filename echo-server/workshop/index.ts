// Everything a workshop adds to the server, put together: chat rooms and the
// hub in memory or shared through Redis, the presence and admin sockets, and
// the guard in front of the instructor pages.
import type { ClientResolver } from '../client-info.ts';
import type { AnyEndpoint } from '../endpoints/index.ts';
import type { RequestHandler } from '../http-host.ts';
import { MemoryRoomBus, type RoomBus } from '../chat/room-bus.ts';
import { createAdmin } from './admin.ts';
import { createWorkshopPageGuard } from './page-guard.ts';
import { createPresence } from './presence.ts';
import { RedisLink } from './redis-link.ts';
import { RedisRoomBus } from '../chat/redis-room-bus.ts';
import { TokenAttempts } from './token-attempts.ts';
import { WorkshopHub } from './workshop-hub.ts';

export interface WorkshopOptions {
  adminToken: string;
  /** Who a request comes from, for counting wrong tokens per address. */
  client: ClientResolver;
  /** Share rooms, presence and announcements with other instances; memory only when empty. */
  redisUrl: string;
  /** History each chat room keeps, in bytes. */
  roomHistoryBytes: number;
}

export interface Workshop {
  roomBus: RoomBus;
  endpoints: AnyEndpoint[];
  guardPages: RequestHandler;
  hub: WorkshopHub;
  /** Closes the rooms, then the Redis link. */
  close(): Promise<void>;
}

export function createWorkshop({ adminToken, client, redisUrl, roomHistoryBytes }: WorkshopOptions): Workshop {
  const link = redisUrl ? new RedisLink(redisUrl) : null;
  const roomBus = link ? new RedisRoomBus(link, roomHistoryBytes) : new MemoryRoomBus(roomHistoryBytes);
  const hub = new WorkshopHub(link, () => roomBus.rooms());
  // One count for the page and the socket: a guess is a guess either way.
  const attempts = new TokenAttempts(adminToken);
  return {
    roomBus,
    hub,
    endpoints: [createPresence(hub), createAdmin(hub, attempts)],
    guardPages: createWorkshopPageGuard(attempts, client),
    async close() {
      await roomBus.close();
      await link?.close();
    },
  };
}
