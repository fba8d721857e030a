// Monaco's core alone (editor.api: no contributions, no language services or
// workers), creating an editor the size of the lesson's: the least any page
// embedding Monaco does to show an editable editor.
import * as monaco from 'monaco-editor/editor/editor.api.js';

/** `language` is plain text for the core alone; the floor with the lesson's features asks for JavaScript. */
export function create(language = 'plaintext'): monaco.editor.IStandaloneCodeEditor {
  const host = document.getElementById('host');
  if (!host) throw new Error('#host is missing');
  return monaco.editor.create(host, {
    language,
    value: "const ws = new WebSocket(ECHO_URL);\nws.onopen = () => ws.send('hi');\n",
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
  });
}
