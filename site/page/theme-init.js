// Loaded synchronously in <head> (not inline: the CSP forbids inline scripts)
// so a chosen theme applies before the first paint, with no flash.
try {
  var theme = localStorage.getItem('wsp:theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
} catch (e) {
  // No storage: the system theme applies.
}
