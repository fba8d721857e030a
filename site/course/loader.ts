// The lessons collection's loader: Astro's glob loader over
// lessons/<slug>/{zh,en}.md (which validates each file's frontmatter), then
// the course check across folders (course-check.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import { checkCourse } from './course-check.ts';

export function lessonsLoader(base = './lessons'): Loader {
  const prose = glob({ base, pattern: '*/{zh,en}.md' });
  return {
    name: 'wsp-lessons',
    async load(context) {
      await prose.load(context);
      // Runs on each full sync (build, dev start); in dev, an edit to one file re-parses only that file.
      const dir = fileURLToPath(new URL(`${base}/`, context.config.root));
      checkCourse({
        folders: readdirSync(dir, { withFileTypes: true })
          .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
          .map((entry) => entry.name),
        has: (path) => existsSync(join(dir, path)),
        read: (path) => readFileSync(join(dir, path), 'utf8'),
      });
    },
  };
}
