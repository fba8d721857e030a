// The page only defines how to start; the bench imports the editor when it starts timing,
// as the lesson page does when its playground scrolls into view.
const start = (load: () => Promise<{ create: () => unknown }>) => () => load().then((m) => m.create());
Object.assign(window, {
  startMonaco: start(() => import('./editor.ts')),
  startMonacoWithFeatures: start(() => import('./editor-with-features.ts')),
});
