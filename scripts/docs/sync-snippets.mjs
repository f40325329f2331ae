#!/usr/bin/env node
/**
 * Copies each compiled sample into the Markdown that shows it: every fenced block under a
 * `<!-- file: path -->` line in README.md and docs/*.md is replaced by that file (`npm run docs:sync`).
 * test/docs/guides.test.ts fails while a block and its file differ.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const documents = [
  join(root, 'README.md'),
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(root, 'docs', name)),
];

for (const path of documents) {
  const before = readFileSync(path, 'utf8');
  const after = before.replace(/^(<!-- file: (\S+) -->\n```\w*\n)[\s\S]*?^```$/gm, (_, head, file) => {
    const code = readFileSync(resolve(dirname(path), file), 'utf8');
    return `${head}${code.endsWith('\n') ? code : `${code}\n`}\`\`\``;
  });
  if (after !== before) {
    writeFileSync(path, after);
    console.log(`updated ${relative(root, path)}`);
  }
}
