/**
 * The error-evidence notes and the simulator tell the same story: every situation the simulator answers has
 * its row in docs/error-evidence.md with the same basis, and every setting there offers exactly the choices
 * the simulator knows.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SIMULATOR_EVIDENCE, UNDOCUMENTED_CHOICES } from '../../src/testing';

const docPath = ['..', '..', 'docs', 'error-evidence.md'].join('/');
const doc = readFileSync(fileURLToPath(new URL(docPath, import.meta.url).href), 'utf8');

/** The cells of the table row that starts with the given case, e.g. `loginRefused`. */
function row(name: string): string[] | undefined {
  const line = doc.split('\n').find((text) => text.startsWith(`| \`${name}\` |`));
  return line?.split('|').slice(1, -1).map((cell) => cell.trim());
}

describe('docs/error-evidence.md', () => {
  it.each(Object.entries(SIMULATOR_EVIDENCE))('has the row of %s, with the basis the simulator gives', (name, entry) => {
    const cells = row(name);
    expect(cells, `a row for ${name}`).toBeDefined();
    expect(cells?.[3]).toMatch(new RegExp(`^${entry.basis}\\b`));
  });

  it.each(Object.entries(UNDOCUMENTED_CHOICES))('lists every choice of the %s setting', (setting, choices) => {
    const listed = doc.split('\n').find((line) => line.includes(`(\`${setting}\`: `));
    expect(listed, `a row naming the ${setting} setting`).toBeDefined();
    const named = /\(`\w+`: ([^)]*)\)/.exec(listed ?? '')?.[1]?.match(/`(\w+)`/g)?.map((choice) => choice.slice(1, -1));
    expect(named).toEqual([...choices]);
  });
});
