#!/usr/bin/env node
/**
 * Which modules make up each size budget in `.size-limit.json` (size-limit's own `--why` needs a network
 * service). Bundles the same imports from the sources (scripts/bundle-cost.mjs) and lists the inputs by
 * their minified bytes in the output; gzip is only known for the whole bundle.
 *
 *   node scripts/size-why.mjs            every check
 *   node scripts/size-why.mjs LoginForm  checks whose name contains "LoginForm"
 */
import { relative, resolve } from 'node:path';
import { bundleCost, formatSize, root, sizeChecks } from './bundle-cost.mjs';

const top = Number(process.env.TOP ?? 15);
const filter = process.argv[2];

for (const check of sizeChecks().filter((c) => !filter || c.name.includes(filter))) {
  const { minified, gzip, output } = await bundleCost(check);
  const rows = Object.entries(output.inputs)
    .map(([file, { bytesInOutput }]) => [relative(root, resolve(root, file)), bytesInOutput])
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1]);
  const byArea = new Map();
  for (const [file, bytes] of rows) {
    const area = file.startsWith('node_modules/')
      ? file.split('/').slice(1, file.split('/')[1].startsWith('@') ? 3 : 2).join('/')
      : file.split('/').slice(0, file.startsWith('src/api/generated') ? 3 : 2).join('/');
    byArea.set(area, (byArea.get(area) ?? 0) + bytes);
  }
  console.log(`\n${check.name}${check.limit ? ` (limit ${check.limit})` : ''}`);
  console.log(`  from sources: ${formatSize(minified)} minified, ${formatSize(gzip)} min+gzip`);
  console.log('  by area (minified):');
  for (const [area, bytes] of [...byArea].sort((a, b) => b[1] - a[1])) {
    console.log(`    ${formatSize(bytes).padStart(9)}  ${(100 * bytes / minified).toFixed(0).padStart(3)}%  ${area}`);
  }
  console.log(`  top ${top} modules (minified):`);
  for (const [file, bytes] of rows.slice(0, top)) console.log(`    ${formatSize(bytes).padStart(9)}  ${file}`);
}
