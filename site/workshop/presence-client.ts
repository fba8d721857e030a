// Every page keeps a presence socket to its own server: announcements from the
// instructor arrive on it, and (unless the reader turns it off) the slugs of
// the lessons they have passed go up, with no name attached.
import type { Announcement } from '../../contracts/workshop.ts';
import { completedLessons, PROGRESS_EVENT } from '../page/storage.ts';

const SHARE_KEY = 'wsp:share-progress';
const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 30_000;

/** The reader's choice when storage cannot keep it. */
let sharingThisPage: boolean | null = null;

export function sharingProgress(): boolean {
  if (sharingThisPage !== null) return sharingThisPage;
  try {
    return localStorage.getItem(SHARE_KEY) !== 'off';
  } catch {
    return true;
  }
}

function progressMessage(): string {
  return JSON.stringify({ type: 'progress', passed: sharingProgress() ? [...completedLessons()] : null });
}

export interface Presence {
  setSharing(on: boolean): void;
}

/** Opens the presence socket and keeps it open, reconnecting with backoff when the server goes away. */
export function startPresence(url: string, onAnnouncement: (a: Announcement) => void): Presence {
  let socket: WebSocket | null = null;
  let retry = RETRY_MIN_MS;
  const report = () => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(progressMessage());
  };
  const connect = () => {
    socket = new WebSocket(url);
    socket.onopen = () => {
      retry = RETRY_MIN_MS;
      report();
    };
    socket.onmessage = (event) => {
      try {
        const message = JSON.parse(String(event.data)) as { type?: string };
        if (message.type === 'announcement') onAnnouncement(message as Announcement);
      } catch {
        // Not ours to read; ignore.
      }
    };
    socket.onclose = () => {
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, RETRY_MAX_MS);
    };
  };
  connect();
  window.addEventListener(PROGRESS_EVENT, report);
  // Another tab of the same reader passed a lesson.
  window.addEventListener('storage', report);
  return {
    setSharing(on) {
      try {
        localStorage.setItem(SHARE_KEY, on ? 'on' : 'off');
      } catch {
        sharingThisPage = on;
      }
      report();
    },
  };
}
