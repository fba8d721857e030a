// Copies text. Where the Clipboard API is unavailable (plain http on a
// workshop LAN is not a secure context), selects the text in `field`, or in a
// temporary off-screen one, and uses execCommand('copy').
export async function copyText(text: string, field?: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const target = field ?? document.body.appendChild(offscreenField(text));
    try {
      target.focus();
      target.select();
      return document.execCommand('copy');
    } finally {
      if (!field) target.remove();
    }
  }
}

function offscreenField(text: string): HTMLTextAreaElement {
  const area = document.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  area.setAttribute('aria-hidden', 'true');
  area.style.cssText = 'position:fixed;top:0;left:-9999px;opacity:0';
  return area;
}
