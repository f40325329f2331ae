/**
 * The package's public names resolved to its sources, for the tools that run on `src` rather than on a
 * build: Storybook (stories and docs samples) and the example app.
 */
import { fileURLToPath } from 'node:url';

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

export const packageAliases = [
  { find: /^emporix-customer-react\/api$/, replacement: fromRoot('src/api/index.ts') },
  { find: /^emporix-customer-react\/styles\.css$/, replacement: fromRoot('src/styles/styles.css') },
  { find: /^emporix-customer-react\/server$/, replacement: fromRoot('src/server/index.ts') },
  { find: /^emporix-customer-react\/queries$/, replacement: fromRoot('src/queries/index.ts') },
  { find: /^emporix-customer-react\/doctor$/, replacement: fromRoot('src/doctor/index.ts') },
  { find: /^emporix-customer-react\/testing$/, replacement: fromRoot('src/testing/index.ts') },
  { find: /^emporix-customer-react$/, replacement: fromRoot('src/index.ts') },
];
