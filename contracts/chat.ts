// /chat?room=R&name=N: the limits a member's input is held to and every
// message the server sends to a member.

/** Characters (code points, after NFKC and dropping invisible ones) in a room name. */
export const MAX_ROOM_LENGTH = 32;
/** Characters in a member's name. */
export const MAX_NAME_LENGTH = 24;
/** Characters in one chat message; a longer one closes the socket with 1009. */
export const MAX_TEXT_LENGTH = 2000;
/** Messages of history a joiner gets, at most. */
export const HISTORY_LIMIT = 50;

export interface ChatMessage {
  type: 'message';
  id: string;
  name: string;
  text: string;
  time: string;
}

/** What a room broadcasts: messages, and joins and leaves with the new member count. */
export type RoomEvent = ChatMessage | { type: 'join' | 'leave'; name: string; count: number; time: string };

/** Everything a member receives: the history first, then the room's events; an error only to its sender. */
export type ChatEvent = { type: 'history'; messages: ChatMessage[] } | RoomEvent | { type: 'error'; message: string };
