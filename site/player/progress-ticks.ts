// Shows the ticks of completed lessons in the sidebar and the index.
import { completedLessons } from './storage.ts';

export function showProgressTicks(doc: Document = document): void {
  const done = completedLessons();
  for (const item of doc.querySelectorAll<HTMLElement>('[data-progress-slug]')) {
    item.dataset.done = String(done.has(item.dataset.progressSlug ?? ''));
  }
}
