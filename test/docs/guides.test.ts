/**
 * The guides (docs/*.md) and the README show their code inline, so they read on GitHub and npm; the code is
 * still compiled. Each TypeScript (and CSS) block names its file in a `<!-- file: … -->` line above it, the
 * block must equal that file, and `npm run typecheck` compiles the files (docs/ and examples/ are in
 * tsconfig.json). Links between the documents must lead somewhere, and Storybook shows every guide.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsPages } from '../../.storybook/docs-pages';

const root = resolve(import.meta.dirname, '../..');
const docs = join(root, 'docs');
const guides = readdirSync(docs)
  .filter((name) => name.endsWith('.md'))
  .map((name) => join(docs, name));
const documents = [join(root, 'README.md'), ...guides];

const checkedLanguages = new Set(['ts', 'tsx', 'css']);

interface CodeBlock {
  language: string;
  code: string;
  /** The file named by the marker line above the block, resolved. */
  file: string | undefined;
  line: number;
}

function codeBlocks(markdown: string, from: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(fence)) {
    const before = markdown.slice(0, match.index).trimEnd().split('\n').at(-1) ?? '';
    const marker = /^<!-- file: (\S+) -->$/.exec(before);
    blocks.push({
      language: match[1] ?? '',
      code: match[2] ?? '',
      file: marker ? resolve(dirname(from), marker[1] as string) : undefined,
      line: markdown.slice(0, match.index).split('\n').length,
    });
  }
  return blocks;
}

const name = (path: string) => relative(root, path);

describe.each(documents.map((path) => [name(path), path]))('%s', (_, path) => {
  const markdown = readFileSync(path, 'utf8');

  it('shows each TypeScript and CSS block from a compiled file, unchanged', () => {
    const problems: string[] = [];
    for (const block of codeBlocks(markdown, path)) {
      if (!checkedLanguages.has(block.language)) continue;
      const at = `${name(path)}:${block.line}`;
      if (!block.file) {
        problems.push(`${at}: a \`${block.language}\` block without a <!-- file: … --> line above it`);
      } else if (!existsSync(block.file)) {
        problems.push(`${at}: ${name(block.file)} does not exist`);
      } else if (readFileSync(block.file, 'utf8') !== block.code) {
        problems.push(`${at}: differs from ${name(block.file)}`);
      } else if (!/^(docs|examples)\//.test(name(block.file))) {
        problems.push(`${at}: ${name(block.file)} is outside docs/ and examples/, which the type check compiles`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('links only to files that exist', () => {
    const broken: string[] = [];
    for (const match of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
      const href = match[1] as string;
      if (/^[a-z]+:/i.test(href) || href.startsWith('#')) continue;
      const target = resolve(dirname(path), decodeURIComponent(href.split('#')[0] as string));
      if (!existsSync(target)) broken.push(href);
    }
    expect(broken).toEqual([]);
  });
});

describe('the guides in Storybook', () => {
  it('every guide has a docs page, and every docs page a file', () => {
    const pages = Object.keys(docsPages);
    expect(pages.filter((page) => !page.startsWith('reference/')).sort()).toEqual(
      guides.map((path) => relative(docs, path)).sort(),
    );
    for (const page of pages) expect(existsSync(join(docs, page)), page).toBe(true);
  });

  it('each docs page renders the file it is listed for', () => {
    const wrappers = readdirSync(join(root, '.storybook/guides')).map((file) =>
      readFileSync(join(root, '.storybook/guides', file), 'utf8'),
    );
    for (const [file, title] of Object.entries(docsPages)) {
      const wrapper = wrappers.find((text) => text.includes(`<Meta title="${title}" />`));
      expect(wrapper, title).toBeDefined();
      expect(wrapper).toContain(`'../../docs/${file}?raw'`);
      expect(wrapper).toContain(`file="${file}"`);
    }
  });
});
