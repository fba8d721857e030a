// Shows the instructor's announcement at the top of the page, politely
// announced to screen readers, until the reader dismisses it.
import '../styles/presence.css';
import type { Announcement } from '../../contracts/workshop.ts';

export interface BannerStrings {
  announcement: string;
  dismiss: string;
}

export function showAnnouncement(message: Announcement, strings: BannerStrings, locale: string): void {
  let banner = document.querySelector<HTMLElement>('[data-announcement]');
  if (!banner) {
    banner = document.createElement('div');
    banner.className = 'announcement';
    banner.dataset.announcement = '';
    banner.setAttribute('role', 'status');
    document.body.prepend(banner);
  }
  const label = document.createElement('strong');
  label.textContent = `${strings.announcement} · ${new Date(message.time).toLocaleTimeString(locale)}`;
  const text = document.createElement('p');
  text.textContent = message.text;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = strings.dismiss;
  dismiss.addEventListener('click', () => banner?.remove());
  banner.replaceChildren(label, text, dismiss);
}
