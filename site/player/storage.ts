// The reader's progress and edits, kept in localStorage. Storage can be
// unavailable (private mode, quota); the page then simply forgets.

const PROGRESS_KEY = 'wsp:progress';
/** Dispatched on window when this tab marks a lesson done (the workshop presence reports it). */
export const PROGRESS_EVENT = 'wsp:progress';
const codeKey = (slug: string): string => `wsp:code:${slug}`;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Nothing to do: the edit or tick just is not remembered.
  }
}

export function completedLessons(): Set<string> {
  try {
    const parsed: unknown = JSON.parse(read(PROGRESS_KEY) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : []);
  } catch {
    return new Set();
  }
}

export function markCompleted(slug: string): void {
  const done = completedLessons();
  if (done.has(slug)) return;
  done.add(slug);
  write(PROGRESS_KEY, JSON.stringify([...done]));
  window.dispatchEvent(new Event(PROGRESS_EVENT));
}

export const savedCode = (slug: string): string | null => read(codeKey(slug));
export const saveCode = (slug: string, code: string | null): void => write(codeKey(slug), code);
