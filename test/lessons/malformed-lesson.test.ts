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

/** Rewrites the frontmatter line `key: …` of `file` (adding it when missing), or removes it when `value` is null. */
function setFrontmatter(dir: string, file: string, key: string, value: string | null): void {
  const path = join(dir, file);
  const line = new RegExp(`^${key}:.*\n`, 'm');
  const text = readFileSync(path, 'utf8');
  const replacement = value === null ? '' : `${key}: ${value}\n`;
  if (line.test(text)) writeFileSync(path, text.replace(line, replacement));
  else if (value === null) throw new Error(`${file} has no ${key}: line`);
  else writeFileSync(path, text.replace(/^---\n/, `---\n${replacement}`));
}

/** Rewrites the JSON file `file` with `edit` applied to its value. */
function editJson(dir: string, file: string, edit: (value: Record<string, unknown>) => void): void {
  const path = join(dir, file);
  const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(value);
  writeFileSync(path, JSON.stringify(value));
}

/** The course list's first part, to add a slug to. */
const firstPart = (course: Record<string, unknown>) => (course as { parts: { lessons: string[] }[] }).parts[0]?.lessons ?? [];

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
  it('rejects a zh.md that still states the order, saying where the order is written', async () => {
    const output = await failedBuildOutput((dir) => setFrontmatter(dir, 'lessons/send/zh.md', 'order', '5'));
    expect(output).toContain('send/zh data does not match collection schema');
    expect(output).toContain('order: not a frontmatter field: the course order is the list in lessons/course.json');
    expect(output).toMatch(/Location:\s+\S*\/lessons\/send\/zh\.md/);
  });

  it('rejects an en.md that states inputs, which belong in meta.json', async () => {
    const output = await failedBuildOutput((dir) => setFrontmatter(dir, 'lessons/send/en.md', 'inputs', '[file]'));
    expect(output).toContain("inputs: not a frontmatter field: it is written once, in the lesson's meta.json");
    expect(output).toMatch(/Location:\s+\S*\/lessons\/send\/en\.md/);
  });

  it('names course.json when a lesson folder is not in it', async () => {
    // Adding a lesson by copying another one and forgetting to list it.
    const output = await failedBuildOutput((dir) => cpSync(join(dir, 'lessons/send'), join(dir, 'lessons/send-copy'), { recursive: true }));
    expect(output).toContain(
      'Malformed lesson lessons/course.json: does not list lessons/send-copy/ (every lesson folder goes in one part)',
    );
  });

  it('names course.json when it lists a lesson with no folder', async () => {
    const output = await failedBuildOutput((dir) =>
      editJson(dir, 'lessons/course.json', (course) => firstPart(course).push('websocket-stream')),
    );
    expect(output).toContain(
      'Malformed lesson lessons/course.json: lists "websocket-stream", but there is no folder lessons/websocket-stream/',
    );
  });

  it('names course.json when it lists a lesson twice', async () => {
    const output = await failedBuildOutput((dir) => editJson(dir, 'lessons/course.json', (course) => firstPart(course).push('send')));
    expect(output).toContain('Malformed lesson lessons/course.json: lists "send" twice');
  });

  it('names meta.json and the field when it breaks the schema', async () => {
    const output = await failedBuildOutput((dir) => editJson(dir, 'lessons/send/meta.json', (meta) => (meta.inputs = ['microphone'])));
    expect(output).toMatch(
      /Malformed lesson lessons\/send\/meta\.json: inputs\.0: Invalid enum value\. Expected 'file' \| 'canvas', received 'microphone'/,
    );
  });

  it('names meta.json when it is not JSON', async () => {
    const output = await failedBuildOutput((dir) => writeFileSync(join(dir, 'lessons/send/meta.json'), '{ inputs: [file] }'));
    expect(output).toContain('Malformed lesson lessons/send/meta.json: not valid JSON (');
  });

  it('names the missing meta.json', async () => {
    const output = await failedBuildOutput((dir) => rmSync(join(dir, 'lessons/send/meta.json')));
    expect(output).toContain('Malformed lesson lessons/send/meta.json: file is missing');
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
});
