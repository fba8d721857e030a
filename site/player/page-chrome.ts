// What every page has: the theme toggle, the progress ticks and the workshop presence.
import { showProgressTicks } from './progress-ticks.ts';
import { setupThemeToggle } from './theme.ts';
import { startWorkshopPresence } from '../workshop/participant.ts';

export function setupPageChrome(): void {
  const toggle = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (toggle) setupThemeToggle(toggle);
  showProgressTicks();
  startWorkshopPresence();
}
