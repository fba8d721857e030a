// The JavaScript grammar, registered up front rather than fetched once the model
// asks for it: one round trip fewer before the code is coloured. Imported by the
// lesson's editor and by the editor floor of bench/page-budgets.ts.
import * as monaco from 'monaco-editor/editor/editor.api.js';
import { conf, language } from 'monaco-editor/languages/definitions/javascript/javascript.js';

/**
 * The same grammar under a language id no language service listens for: the editor starts in it, so
 * it is coloured and editable before the TypeScript service (hovers, completion, diagnostics) has
 * loaded, and switches to `javascript` once it has.
 */
export const GRAMMAR_ONLY_JAVASCRIPT = 'javascript-grammar-only';

const languages: monaco.languages.ILanguageExtensionPoint[] = [
  { id: 'javascript', extensions: ['.js'], aliases: ['JavaScript', 'javascript', 'js'] },
  { id: GRAMMAR_ONLY_JAVASCRIPT },
];
for (const extensionPoint of languages) {
  monaco.languages.register(extensionPoint);
  monaco.languages.setLanguageConfiguration(extensionPoint.id, conf);
  monaco.languages.setMonarchTokensProvider(extensionPoint.id, language);
}
