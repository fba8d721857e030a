// The playground dock's tabs (Input / Output / Inspector): a WAI-ARIA tab list
// with arrow-key movement, and `select` for the player (Run shows Output).
export interface DockTabs {
  select(id: string): void;
}

export function setupDockTabs(root: HTMLElement): DockTabs {
  const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"][data-tab]')];
  const select = (id: string, focus = false): void => {
    // Selecting the selected tab again (as every Run does) changes nothing on the page.
    if (!focus && tabs.some((tab) => tab.dataset.tab === id && tab.getAttribute('aria-selected') === 'true')) return;
    for (const tab of tabs) {
      const selected = tab.dataset.tab === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = root.querySelector<HTMLElement>(`#${tab.getAttribute('aria-controls')}`);
      if (panel?.hasAttribute('data-keep-size')) {
        // Not display:none: the terminal inside must keep its size to lay out what it prints.
        panel.toggleAttribute('data-inactive', !selected);
        panel.inert = !selected;
      } else if (panel) panel.hidden = !selected;
      if (selected && focus) tab.focus();
    }
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab.dataset.tab ?? ''));
    tab.addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      event.preventDefault();
      select(tabs[(i + step + tabs.length) % tabs.length]?.dataset.tab ?? '', true);
    });
  });
  return { select: (id) => select(id) };
}
