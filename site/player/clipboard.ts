// Copies text; falls back to selecting a field and execCommand where the
// Clipboard API is unavailable (plain http on a workshop LAN is not a secure context).
export async function copyText(text: string, field?: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.focus();
    field.select();
    return document.execCommand('copy');
  }
}
