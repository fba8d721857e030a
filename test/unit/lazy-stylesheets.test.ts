import type { OutputBundle, OutputChunk } from 'rollup';
import { describe, expect, it } from 'vitest';
import { lazyOnlyCss } from '../../site/build/lazy-stylesheets.ts';

function chunk(fileName: string, options: { entry?: boolean; imports?: string[]; dynamic?: string[]; css?: string[] }): OutputChunk {
  return {
    type: 'chunk',
    fileName,
    isEntry: options.entry ?? false,
    imports: options.imports ?? [],
    dynamicImports: options.dynamic ?? [],
    viteMetadata: { importedCss: new Set(options.css ?? []), importedAssets: new Set() },
  } as unknown as OutputChunk;
}

function bundle(...chunks: OutputChunk[]): OutputBundle {
  return Object.fromEntries(chunks.map((c) => [c.fileName, c]));
}

describe('lazyOnlyCss', () => {
  it('lists CSS that only dynamically imported chunks (and what they import) bring', () => {
    const lazy = lazyOnlyCss(
      bundle(
        chunk('page.js', { entry: true, imports: ['chrome.js'], dynamic: ['playground.js'], css: ['page.css'] }),
        chunk('chrome.js', { css: ['chrome.css'] }),
        chunk('playground.js', { imports: ['monaco.js', 'chrome.js'] }),
        chunk('monaco.js', { css: ['monaco.css'] }),
      ),
    );
    expect([...lazy]).toEqual(['monaco.css']);
  });

  it('keeps CSS that an entry also imports statically, even if a lazy chunk imports it too', () => {
    const lazy = lazyOnlyCss(
      bundle(
        chunk('a.js', { entry: true, imports: ['shared.js'], dynamic: ['lazy.js'] }),
        chunk('shared.js', { css: ['shared.css'] }),
        chunk('lazy.js', { css: ['shared.css', 'lazy.css'] }),
      ),
    );
    expect([...lazy]).toEqual(['lazy.css']);
  });
});
