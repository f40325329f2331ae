/**
 * The Markdown files under docs/ that Storybook shows as docs pages (one `.mdx` in ./guides each), with the
 * page's title. Links between the files become links between the pages.
 */
export const docsPages = {
  '01-getting-started.md': 'Guides/Getting started',
  '02-connecting-a-real-tenant.md': 'Guides/Connecting a real tenant',
  '03-composing-an-account-page.md': 'Guides/Composing an account page',
  '04-styling-headless-parts.md': 'Guides/Styling headless parts',
  '05-translating-messages.md': 'Guides/Translating messages',
  '06-choosing-session-persistence.md': 'Guides/Choosing session persistence',
  '07-using-the-simulator-in-tests.md': 'Guides/Using the simulator in your own tests',
  'proxy-mode.md': 'Guides/Proxy session mode',
  'doctor.md': 'Guides/Checking a tenant with the doctor',
  'error-evidence.md': 'Guides/What the API answers: error evidence',
  'reference/emporix-customer-react/README.md': 'Reference/React entry',
  'reference/emporix-customer-react/api.md': 'Reference/API client',
  'reference/emporix-customer-react/testing.md': 'Reference/Simulator',
} as const satisfies Record<string, string>;

/** Storybook's id of a docs page, from its title (as Storybook derives it). */
export function docsPageId(title: string): string {
  const slug = title
    .split('/')
    .map((part) => part.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''))
    .join('-');
  return `${slug}--docs`;
}
