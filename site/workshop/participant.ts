// The participant's side of a workshop, on every page: the presence socket,
// the announcement banner, and the switch that stops sharing progress.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import { showAnnouncement } from './announcement-banner.ts';
import { sharingProgress, startPresence } from './presence-client.ts';
import { webSocketBase } from '../page/server-url.ts';

export function startWorkshopPresence(doc: Document = document): void {
  const footer = doc.querySelector<HTMLElement>('[data-presence]');
  if (!footer) return;
  const strings = { announcement: footer.dataset.announcementLabel ?? '', dismiss: footer.dataset.dismissLabel ?? '' };
  const url = `${webSocketBase()}${WS_PATHS.presence}`;
  const presence = startPresence(url, (message) => showAnnouncement(message, strings, doc.documentElement.lang));
  const toggle = footer.querySelector<HTMLInputElement>('[data-share-progress]');
  if (!toggle) return;
  toggle.checked = sharingProgress();
  toggle.addEventListener('change', () => presence.setSharing(toggle.checked));
  // The switch means nothing without JavaScript, so it only appears with it.
  toggle.closest('label')?.removeAttribute('hidden');
}
