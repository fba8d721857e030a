// Puts a "load into editor" button under every runnable ```js block of the prose.
export function addCodeButtons(prose: HTMLElement, label: string, load: (code: string) => void): void {
  for (const block of prose.querySelectorAll<HTMLPreElement>('pre[data-language="js"]')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'load-code';
    button.textContent = label;
    button.addEventListener('click', () => load(block.textContent ?? ''));
    block.after(button);
  }
}
