#!/usr/bin/env node
/**
 * Which modules make up each size budget in `.size-limit.json` (size-limit's own `--why` needs a network
 * service). Bundles the same imports from the sources (scripts/bundle-cost.mjs) and lists, for each input
 * module, its minified bytes and what the gzipped bundle would shrink by without them ("gzip share").
 * Shares overlap — text that several modules repeat compresses once — so they add up to more than the
 * bundle; they say where bytes can be won, not an exact split.
 *
 *   node scripts/size-why.mjs            every check
 *   node scripts/size-why.mjs LoginForm  checks whose name contains "LoginForm"
 */
import { eachMapping, TraceMap } from '@jridgewell/trace-mapping';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleCost, formatSize, root, sizeChecks } from './bundle-cost.mjs';

const top = Number(process.env.TOP ?? 15);
const filter = process.argv[2];

/** Which source file wrote each character of the minified code (by the source map). */
function charOwners(code, mapJson) {
  const lines = code.split('\n');
  const owners = lines.map((line) => new Array(line.length).fill(undefined));
  const segments = [];
  eachMapping(new TraceMap(mapJson), (segment) => segments.push(segment));
  segments.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  segments.forEach((segment, index) => {
    const line = segment.generatedLine - 1;
    const next = segments[index + 1];
    const end = next?.generatedLine === segment.generatedLine ? next.generatedColumn : lines[line].length;
    for (let column = segment.generatedColumn; column < end; column += 1) owners[line][column] = segment.source;
  });
  return { lines, owners };
}

/** Gzipped bytes the bundle loses when each source file's characters are taken out. */
function gzipShares(code, mapJson) {
  const total = gzipSync(code, { level: 9 }).length;
  const { lines, owners } = charOwners(code, mapJson);
  const sources = new Set(owners.flat().filter(Boolean));
  return new Map(
    [...sources].map((source) => {
      const rest = lines.map((line, i) => [...line].filter((_, column) => owners[i][column] !== source).join('')).join('\n');
      return [source, total - gzipSync(rest, { level: 9 }).length];
    }),
  );
}

const normalize = (file) => relative(root, resolve(root, file)).replace(/^.*node_modules\//, 'node_modules/');

function areaOf(file) {
  if (file.startsWith('node_modules/')) {
    // `node_modules/@scope/name/…` → `@scope/name`, `node_modules/name/…` → `name`
    const parts = file.split('/');
    return parts.slice(1, parts[1].startsWith('@') ? 3 : 2).join('/');
  }
  return file.split('/').slice(0, file.startsWith('src/api/generated') ? 3 : 2).join('/');
}

for (const check of (await sizeChecks()).filter((c) => !filter || c.name.includes(filter))) {
  const { minified, gzip, output, code, map } = await bundleCost(check, { sourcemap: true });
  // A dependency's own source maps name its original files, so dependencies are counted as one row each.
  const keyOf = (file) => (file.startsWith('node_modules/') ? areaOf(file) : file);
  const shares = new Map();
  for (const [source, bytes] of gzipShares(code, map)) {
    const key = keyOf(normalize(source));
    shares.set(key, (shares.get(key) ?? 0) + bytes);
  }
  const sizes = new Map();
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    const key = keyOf(normalize(file));
    sizes.set(key, (sizes.get(key) ?? 0) + bytesInOutput);
  }
  const rows = [...sizes]
    .filter(([, bytes]) => bytes > 0)
    .map(([file, bytes]) => ({ file, bytes, share: shares.get(file) ?? 0 }))
    .sort((a, b) => b.share - a.share);
  const byArea = new Map();
  for (const { file, bytes, share } of rows) {
    const area = byArea.get(areaOf(file)) ?? { bytes: 0, share: 0 };
    byArea.set(areaOf(file), { bytes: area.bytes + bytes, share: area.share + share });
  }
  const line = (bytes, share, name) =>
    `    ${formatSize(bytes).padStart(9)}  ${formatSize(share).padStart(9)}  ${name}`;
  console.log(`\n${check.name}${check.limit ? ` (limit ${check.limit})` : ''}`);
  console.log(`  from sources: ${formatSize(minified)} minified, ${formatSize(gzip)} min+gzip`);
  console.log(`  by area:      minified  gzip share`);
  for (const [area, { bytes, share }] of [...byArea].sort((a, b) => b[1].share - a[1].share)) {
    console.log(line(bytes, share, area));
  }
  console.log(`  top ${top} modules by gzip share:`);
  for (const { file, bytes, share } of rows.slice(0, top)) console.log(line(bytes, share, file));
}
