// The workshop's sockets: /presence (every page: announcements down, progress
// up) and /admin (the instructor page: snapshots down, announcements up).

/** Characters in one announcement. */
export const MAX_ANNOUNCEMENT_LENGTH = 500;

/** Sent on /presence to every participant, and to each newcomer (the latest one). */
export interface Announcement {
  type: 'announcement';
  text: string;
  time: string;
}

export interface RoomSize {
  room: string;
  count: number;
}

/** Sent on /admin every second. */
export interface WorkshopSnapshot {
  type: 'snapshot';
  participants: number;
  /** Participants sharing their progress. */
  reporting: number;
  /** Lesson slug → participants who passed its exercise. */
  passed: Record<string, number>;
  rooms: RoomSize[];
  instances: number;
}

/** /admin's answer to an announcement: the announcement as sent, or why it was refused. */
export type AdminReply = (Omit<Announcement, 'type'> & { type: 'announced' }) | { type: 'error'; message: string };
