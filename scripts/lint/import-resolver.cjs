// The import resolver eslint-plugin-boundaries uses (an eslint-import-resolver, interface version 2).
// The sources import TypeScript files by their emitted name (`./x.service.js` → `./x.service.ts`,
// NodeNext style) and `@butie/contracts` from its sources; the plugin's bundled node resolver
// knows neither, and without a resolved path an import has no element and no rule applies to it.
// Only project files are resolved: packages stay unresolved, which the plugin treats as external.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const ALIASES = { '@butie/contracts': path.join(ROOT, 'libs/contracts/src/index.ts') };
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.jsx'];

function isFile(candidate) {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

function probe(base) {
  const candidates = [base];
  const emitted = /\.(m?)jsx?$/.exec(base);
  if (emitted) {
    const stem = base.slice(0, -emitted[0].length);
    candidates.push(`${stem}.${emitted[1]}ts`, `${stem}.tsx`);
  }
  for (const ext of EXTENSIONS) candidates.push(base + ext);
  for (const ext of EXTENSIONS) candidates.push(path.join(base, `index${ext}`));
  return candidates.find(isFile);
}

exports.interfaceVersion = 2;
exports.resolve = function resolve(source, file) {
  if (Object.hasOwn(ALIASES, source)) return { found: true, path: ALIASES[source] };
  if (!source.startsWith('.') && !path.isAbsolute(source)) return { found: false };
  const found = probe(path.resolve(path.dirname(file), source.split('?')[0]));
  return found ? { found: true, path: found } : { found: false };
};
