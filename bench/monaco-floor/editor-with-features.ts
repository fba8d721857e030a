// The second floor: Monaco's core with what the lesson's editor adds to it
// (site/playground/editor.ts): the contributions of site/playground/monaco/features.ts,
// the JavaScript grammar and the TypeScript language service. The lesson's time
// then splits into what these features cost and what the page adds around them.
import type * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/languages/features/typescript/register.js';
import '../../site/playground/monaco/features.ts';
import '../../site/playground/monaco/javascript-language.ts';
import { create as createCore } from './editor.ts';

// The lesson starts its workers only once the editor is on screen, after the time is taken: here they never start.
Object.assign(self, { MonacoEnvironment: { getWorker: () => new Promise(() => {}) } });

export const create = (): monaco.editor.IStandaloneCodeEditor => createCore('javascript');
