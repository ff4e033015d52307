#!/usr/bin/env node
// Where the CPU of a profiled server went, by package and by function:
//   node bench/profile-summary.mjs <file.cpuprofile> [top]
// Profiles come from `BENCH_CPU_PROFILE=dir pnpm bench` or `node --cpu-prof`. "self" is time spent
// in the code itself; "inclusive" is time with that code anywhere on the stack (counted once per
// sample, so the inclusive shares of nested packages overlap).
import fs from 'node:fs/promises';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(1);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(await fs.readFile(file, 'utf8'));

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

/** The package, Node module or file of our own that a frame belongs to. */
function owner(frame) {
  const url = frame.url ?? '';
  if (url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (url.startsWith('node:')) return url;
  const inModules = url.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const rest = url.slice(inModules + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const own = url.match(/\/apps\/api\/(dist\/.*)$/);
  if (own) return `api ${own[1]}`;
  return url.replace(/^file:\/\//, '');
}

const selfByOwner = new Map();
const inclusiveByOwner = new Map();
const selfByFunction = new Map();
let total = 0;
let idle = 0;
const add = (map, key, value) => map.set(key, (map.get(key) ?? 0) + value);

for (let i = 0; i < profile.samples.length; i++) {
  const delta = profile.timeDeltas[i] ?? 0;
  const node = nodes.get(profile.samples[i]);
  total += delta;
  if (node.callFrame.functionName === '(idle)') {
    idle += delta;
    continue;
  }
  const frame = node.callFrame;
  add(selfByOwner, owner(frame), delta);
  add(selfByFunction, `${frame.functionName || '(anonymous)'}  ${owner(frame)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`, delta);
  const seen = new Set();
  for (let id = node.id; id !== undefined; id = parents.get(id)) {
    const key = owner(nodes.get(id).callFrame);
    if (!seen.has(key)) {
      seen.add(key);
      add(inclusiveByOwner, key, delta);
    }
  }
}

const busy = total - idle;
const ms = (us) => `${(us / 1000).toFixed(0)} ms`.padStart(9);
const share = (us) => `${((100 * us) / busy).toFixed(1)}%`.padStart(7);
const table = (title, map) => {
  console.log(`\n${title}`);
  for (const [key, value] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${share(value)} ${ms(value)}  ${key}`);
};

console.log(`${file}: ${(total / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s busy (${((100 * busy) / total).toFixed(0)}%); shares are of the busy time`);
table('self time by package', selfByOwner);
table('inclusive time by package', inclusiveByOwner);
table('self time by function', selfByFunction);
