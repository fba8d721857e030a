// The second floor: Monaco's core with what the lesson's editor adds to it before
// it shows (site/playground/editor.ts): the contributions of
// site/playground/monaco/features.ts and the JavaScript grammar. The lesson's
// time then splits into what these features cost and what the page adds around
// them. The TypeScript service is left out, as the lesson starts it only once
// its editor shows.
import type * as monaco from 'monaco-editor/editor/editor.api.js';
import '../../site/playground/monaco/features.ts';
import { GRAMMAR_ONLY_JAVASCRIPT } from '../../site/playground/monaco/javascript-language.ts';
import { create as createCore } from './editor.ts';

export const create = (): monaco.editor.IStandaloneCodeEditor => createCore(GRAMMAR_ONLY_JAVASCRIPT);
