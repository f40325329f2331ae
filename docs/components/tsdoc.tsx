/**
 * The hooks reference, read from the sources at build time: each exported hook's leading TSDoc block and
 * signature, so the page cannot drift from the code. New hook files appear by themselves (the globs below);
 * only names the entry points export are listed.
 */
import { Markdown, Source } from '@storybook/addon-docs/blocks';

const hookSources = import.meta.glob<string>('../../src/hooks/use-*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const hooksIndex = import.meta.glob<string>('../../src/hooks/index.ts', { query: '?raw', import: 'default', eager: true });

const formHookSources = import.meta.glob<string>('../../src/components/*/use-*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const componentIndexes = import.meta.glob<string>('../../src/components/*/index.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface HookDoc {
  name: string;
  signature: string;
  description: string;
  examples: string[];
  /** Other block tags (`@param`, `@returns`, `@deprecated`, …) as written. */
  tags: { tag: string; text: string }[];
  file: string;
}

/** Value names an index module re-exports (`export { a, b as c } from …`; type-only exports left out). */
export function exportedNames(source: string): Set<string> {
  const names = new Set<string>();
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const entry of (match[1] ?? '').split(',')) {
      const parts = entry.trim().split(/\s+as\s+/);
      const name = (parts[1] ?? parts[0] ?? '').trim();
      if (name && !name.startsWith('type ')) names.add(name);
    }
  }
  return names;
}

/** Index just past the bracket that closes the one at `start` (`(`, `<`, `{` or `[`). */
function closingIndex(source: string, start: number): number {
  const pairs: Record<string, string> = { '(': ')', '<': '>', '{': '}', '[': ']' };
  const stack: string[] = [];
  for (let i = start; i < source.length; i += 1) {
    const char = source[i] as string;
    if (char === '=' && source[i + 1] === '>') {
      i += 1; // an arrow is not a closing angle bracket
    } else if (char in pairs) {
      stack.push(pairs[char] as string);
    } else if (char === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i + 1;
    }
  }
  return source.length;
}

/** `useX(params): ReturnType` from the text after `export function `. */
function readSignature(source: string, from: number): string {
  let i = from;
  while (i < source.length && /[\w$]/.test(source[i] as string)) i += 1;
  if (source[i] === '<') i = closingIndex(source, i);
  if (source[i] !== '(') return source.slice(from, i);
  i = closingIndex(source, i);
  // An explicit return type runs up to the body's `{`; a type may itself open with `{`.
  let end = i;
  const rest = source.slice(i);
  const annotation = /^\s*:\s*/.exec(rest);
  if (annotation) {
    end = i + annotation[0].length;
    while (end < source.length) {
      const char = source[end] as string;
      if (char === '{') {
        const before = source.slice(i, end).trim();
        if (!/[:|&,(]$/.test(before)) break;
        end = closingIndex(source, end);
      } else if (char === '<' || char === '(' || char === '[') {
        end = closingIndex(source, end);
      } else {
        end += 1;
      }
    }
  }
  return source.slice(from, end).replace(/\s+/g, ' ').trim();
}

/** The `/** … *\/` block's text without the leading stars. */
function commentText(block: string): string {
  return block
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim();
}

/** Splits TSDoc into description, `@example` bodies (fences removed) and other tags. */
function splitTags(text: string): Pick<HookDoc, 'description' | 'examples' | 'tags'> {
  const [description = '', ...blocks] = text.split(/\n(?=@\w+)/);
  const examples: string[] = [];
  const tags: HookDoc['tags'] = [];
  for (const block of blocks) {
    const tag = /^@(\w+)\s*/.exec(block);
    if (!tag) continue;
    const body = block.slice(tag[0].length).trim();
    if (tag[1] === 'example') examples.push(body.replace(/^```\w*\n?|\n?```$/g, '').trim());
    else tags.push({ tag: tag[1] as string, text: body });
  }
  // `{@link Name}` reads as code on the page.
  return { description: description.replace(/\{@link\s+([^}\s]+)\s*\}/g, '`$1`').trim(), examples, tags };
}

/** Every exported `function useX` of a source file with the TSDoc block right before it. */
export function readHookDocs(source: string, file: string, exported: ReadonlySet<string>): HookDoc[] {
  const docs: HookDoc[] = [];
  const pattern = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)?\s*export\s+function\s+(use[A-Z]\w*)/g;
  for (const match of source.matchAll(pattern)) {
    const name = match[2] as string;
    if (!exported.has(name)) continue;
    const signatureStart = (match.index ?? 0) + match[0].length - name.length;
    docs.push({
      name,
      signature: `function ${readSignature(source, signatureStart)}`,
      file,
      ...splitTags(match[1] ? commentText(match[1]) : ''),
    });
  }
  return docs;
}

function byName(a: HookDoc, b: HookDoc): number {
  return a.name.localeCompare(b.name);
}

/** Hooks of `src/hooks` that `src/hooks/index.ts` exports. */
export function customerHookDocs(): HookDoc[] {
  const exported = exportedNames(Object.values(hooksIndex)[0] ?? '');
  return Object.entries(hookSources)
    .flatMap(([path, source]) => readHookDocs(source, path.replace(/^(\.\.\/)+/, ''), exported))
    .sort(byName);
}

/** Headless form hooks (`useLoginForm`, …) that their component folder's `index.ts` exports. */
export function formHookDocs(): HookDoc[] {
  return Object.entries(formHookSources)
    .flatMap(([path, source]) => {
      const folder = path.slice(0, path.lastIndexOf('/'));
      const exported = exportedNames(componentIndexes[`${folder}/index.ts`] ?? '');
      return readHookDocs(source, path.replace(/^(\.\.\/)+/, ''), exported);
    })
    .sort(byName);
}

function HookEntry({ doc }: { doc: HookDoc }) {
  return (
    <section aria-labelledby={`hook-${doc.name}`}>
      <h3 id={`hook-${doc.name}`}>
        <code>{doc.name}</code>
      </h3>
      <Source code={doc.signature} language="typescript" />
      {doc.description ? (
        <Markdown>{doc.description}</Markdown>
      ) : (
        <p>
          <em>No TSDoc yet.</em>
        </p>
      )}
      {doc.tags.map(({ tag, text }, index) => (
        <Markdown key={`${tag}-${index}`}>{`**@${tag}** ${text}`}</Markdown>
      ))}
      {doc.examples.map((example, index) => (
        <Source key={index} code={example} language="tsx" />
      ))}
      <p>
        <small>
          Source: <code>{doc.file}</code>
        </small>
      </p>
    </section>
  );
}

/** Renders the reference for a list of hooks, with an index of links at the top. */
export function HookReference({ hooks }: { hooks: HookDoc[] }) {
  if (hooks.length === 0) return <p>No hooks found.</p>;
  return (
    <>
      <nav aria-label="Hooks on this page">
        <p>
          {hooks.map((doc, index) => (
            <span key={doc.name}>
              {index > 0 && ' · '}
              <a href={`#hook-${doc.name}`}>
                <code>{doc.name}</code>
              </a>
            </span>
          ))}
        </p>
      </nav>
      {hooks.map((doc) => (
        <HookEntry key={doc.name} doc={doc} />
      ))}
    </>
  );
}
