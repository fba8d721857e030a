// "A malformed lesson fails the build with a message naming the file": each
// case breaks one lesson in a temp copy of the project and runs the real
// `astro build` there, so nothing in the repository (dist/, caches) is touched.
// The lessons are checked at content sync (site/course/loader.ts), before
// anything is bundled, so each failing build takes seconds.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
/** What `astro build` reads, besides node_modules. */
const projectFiles = ['site', 'lessons', 'contracts', 'echo-server', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
const projects: string[] = [];

afterAll(() => {
  for (const dir of projects) rmSync(dir, { recursive: true, force: true });
});

/**
 * A temp copy of the project. Its node_modules is a folder of links to the
 * repository's packages rather than one link, so that Astro's and Vite's caches
 * (node_modules/.astro holds the content data store) stay in the copy.
 */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wsp-malformed-lesson-'));
  projects.push(dir);
  for (const path of projectFiles) cpSync(join(repo, path), join(dir, path), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(repo, 'node_modules'))) {
    if (!name.startsWith('.')) symlinkSync(join(repo, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

/** Rewrites the frontmatter line `key: …` of `file`, or removes it when `value` is null. */
function setFrontmatter(dir: string, file: string, key: string, value: string | null): void {
  const path = join(dir, file);
  const line = new RegExp(`^${key}:.*\n`, 'm');
  const text = readFileSync(path, 'utf8');
  if (!line.test(text)) throw new Error(`${file} has no ${key}: line`);
  writeFileSync(path, text.replace(line, value === null ? '' : `${key}: ${value}\n`));
}

interface BuildResult {
  code: number | null;
  /** stdout and stderr together, as the author sees them in the terminal. */
  output: string;
}

function build(dir: string): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/astro/astro.js', 'build'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      // NODE_ENV as when an author builds (vitest sets it to "test").
      env: { ...process.env, NODE_ENV: undefined, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (output += chunk));
    }
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: stripVTControlCharacters(output) }));
  });
}

/** Copies the project, applies `breakLesson` to the copy and builds it; the build must fail. */
async function failedBuildOutput(breakLesson: (dir: string) => void): Promise<string> {
  const dir = copyProject();
  breakLesson(dir);
  const { code, output } = await build(dir);
  expect(code, output).not.toBe(0);
  return output;
}

// Concurrent: each build is a child process, mostly on one core.
describe.concurrent('astro build with a malformed lesson', { timeout: 180_000 }, () => {
  it('names en.md when its order differs from zh.md', async () => {
    const output = await failedBuildOutput((dir) => setFrontmatter(dir, 'lessons/send/en.md', 'order', '99'));
    expect(output).toMatch(/Malformed lesson lessons\/send\/en\.md: order 99 differs from lessons\/send\/zh\.md \(order \d+\)/);
  });

  it('names en.md when its inputs differ from zh.md', async () => {
    const output = await failedBuildOutput((dir) => setFrontmatter(dir, 'lessons/send/en.md', 'inputs', '[file]'));
    expect(output).toMatch(/Malformed lesson lessons\/send\/en\.md: inputs \[file\] differs from lessons\/send\/zh\.md \(inputs \[canvas, file\]\)/);
  });

  it('names the missing starter.js', async () => {
    const output = await failedBuildOutput((dir) => rmSync(join(dir, 'lessons/send/starter.js')));
    expect(output).toContain('Malformed lesson lessons/send/starter.js: file is missing');
  });

  it('names the file and line of a comment without a locale tag', async () => {
    const output = await failedBuildOutput((dir) => {
      const starter = join(dir, 'lessons/send/starter.js');
      writeFileSync(starter, `const x = 1;\n// an English comment zh readers would see\n${readFileSync(starter, 'utf8')}`);
    });
    expect(output).toContain('Malformed lesson lessons/send/starter.js:2: comment without a "zh:" or "en:" tag');
  });

  it('names the file and the field when frontmatter breaks the schema', async () => {
    const output = await failedBuildOutput((dir) => setFrontmatter(dir, 'lessons/send/zh.md', 'title', null));
    expect(output).toContain('send/zh data does not match collection schema');
    expect(output).toMatch(/title.*: Required/);
    expect(output).toMatch(/Location:\s+\S*\/lessons\/send\/zh\.md/);
  });

  it('names a zh.md when a new lesson folder reuses an order', async () => {
    // Adding a lesson by copying another one and forgetting to change its order.
    const output = await failedBuildOutput((dir) => cpSync(join(dir, 'lessons/send'), join(dir, 'lessons/send-copy'), { recursive: true }));
    // Folders are checked in name order, so the later one is named.
    expect(output).toMatch(/Malformed lesson lessons\/send-copy\/zh\.md: order \d+ is also used by lessons\/send\n/);
  });
});
