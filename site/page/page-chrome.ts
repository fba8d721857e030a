// What every page has: the theme toggle, the progress ticks, the language switch and the workshop presence.
import { showProgressTicks } from './progress-ticks.ts';
import { saveChosenLocale } from './storage.ts';
import { setupThemeToggle } from './theme.ts';
import { startWorkshopPresence } from '../workshop/participant.ts';
import { localeOr } from '../i18n/locales.ts';

export function setupPageChrome(): void {
  const toggle = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (toggle) setupThemeToggle(toggle);
  showProgressTicks();
  // Following the language switch is the reader choosing a language: `/` opens it next time.
  const switchLink = document.querySelector<HTMLAnchorElement>('[data-switch-locale]');
  switchLink?.addEventListener('click', () => saveChosenLocale(localeOr(switchLink.dataset.switchLocale)));
  startWorkshopPresence();
}
