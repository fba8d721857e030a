// Shows the ticks of completed lessons in the sidebar and the index, and the "n of m passed" line.
import { completedLessons } from './storage.ts';

export function showProgressTicks(doc: Document = document): void {
  const done = completedLessons();
  for (const item of doc.querySelectorAll<HTMLElement>('[data-progress-slug]')) {
    item.dataset.done = String(done.has(item.dataset.progressSlug ?? ''));
  }
  const passed = new Set(
    [...doc.querySelectorAll<HTMLElement>('[data-progress-slug][data-done="true"]')].map((item) => item.dataset.progressSlug),
  );
  for (const summary of doc.querySelectorAll<HTMLElement>('[data-progress-summary]')) {
    summary.textContent = (summary.dataset.template ?? '')
      .replace('{done}', String(passed.size))
      .replace('{total}', summary.dataset.total ?? '');
  }
}
