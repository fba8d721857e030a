// The reader's progress, edits and language, kept in localStorage. Storage can be
// unavailable (private mode, quota); the page then simply forgets.
import { isLocale, type Locale } from '../i18n/locales.ts';

const PROGRESS_KEY = 'wsp:progress';
/** Dispatched on window when this tab marks a lesson done (the workshop presence reports it). */
export const PROGRESS_EVENT = 'wsp:progress';
const LOCALE_KEY = 'wsp:locale';
const codeKey = (slug: string): string => `wsp:code:${slug}`;
const backupKey = (slug: string): string => `wsp:code-before:${slug}`;

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
/** The reader's code as it was before Reset, Solution or a loaded snippet replaced it. */
export const backupCode = (slug: string): string | null => read(backupKey(slug));
export const saveBackup = (slug: string, code: string | null): void => write(backupKey(slug), code);
/** The language the reader last picked (language switch or chooser), which `/` then opens. */
export function chosenLocale(): Locale | null {
  const value = read(LOCALE_KEY);
  return isLocale(value) ? value : null;
}
export const saveChosenLocale = (locale: Locale): void => write(LOCALE_KEY, locale);
