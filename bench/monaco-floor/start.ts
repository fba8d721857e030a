// The page only defines how to start; the bench imports the editor when it starts timing,
// as the lesson page does when its playground scrolls into view.
(window as unknown as { startMonaco: () => Promise<unknown> }).startMonaco = () => import('./editor.ts').then((m) => m.create());
