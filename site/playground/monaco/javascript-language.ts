// The JavaScript grammar, registered up front rather than fetched once the model
// asks for it: one round trip fewer before the code is coloured. Imported by the
// lesson's editor and by the editor floor of bench/page-budgets.ts.
import * as monaco from 'monaco-editor/editor/editor.api.js';
import { conf, language } from 'monaco-editor/languages/definitions/javascript/javascript.js';

monaco.languages.register({ id: 'javascript', extensions: ['.js'], aliases: ['JavaScript', 'javascript', 'js'] });
monaco.languages.setLanguageConfiguration('javascript', conf);
monaco.languages.setMonarchTokensProvider('javascript', language);
