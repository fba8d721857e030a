// `npm run bench [-- NAME...]`: runs every benchmark module under bench/ (or
// the named ones). A module is listed here and default-exports an async
// function that prints its own results; a listed module that is not there yet
// is skipped with a note.
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const MODULES = ['echo-throughput', 'idle-memory', 'workshop', 'abuse', 'page-budgets'];

const wanted = process.argv.slice(2);
const chosen = wanted.length > 0 ? MODULES.filter((m) => wanted.includes(m)) : MODULES;
console.log(
  `bench: Node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log('Figures from a shared or busy machine are noisy; compare the ratios, measured in the same run.');

for (const name of chosen) {
  const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  if (!existsSync(file)) {
    console.log(`\n(${name}: bench/${name}.ts not present, skipped)`);
    continue;
  }
  const module = (await import(file)) as { default: () => Promise<void> };
  await module.default();
}
