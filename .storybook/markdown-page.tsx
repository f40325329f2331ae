/**
 * A Markdown file of docs/ as a Storybook docs page. The files are written for GitHub and the npm package:
 * here, links between them lead to their pages, `images/…` to the static copy of docs/images, and code
 * blocks get Storybook's source view. Links to files that have no page are shown as plain text.
 */
import { AnchorMdx, CodeOrSourceMdx, HeadersMdx, Markdown } from '@storybook/addon-docs/blocks';
import type { ComponentProps, ReactNode } from 'react';
import { docsPageId, docsPages } from './docs-pages';

const pages: Readonly<Record<string, string>> = docsPages;

/** The path under docs/ that `href`, written in `file`, points at; `undefined` for URLs and in-page anchors. */
function target(href: string, file: string): { path: string; hash: string } | undefined {
  if (/^[a-z]+:/i.test(href) || href.startsWith('#')) return undefined;
  const url = new URL(href, `https://docs.invalid/${file}`);
  return { path: decodeURIComponent(url.pathname.slice(1)), hash: url.hash };
}

export function MarkdownPage({ source, file }: { source: string; file: string }) {
  const Link = ({ href = '', children, ...props }: ComponentProps<'a'>): ReactNode => {
    const to = target(href, file);
    if (!to) return <AnchorMdx href={href} {...props}>{children}</AnchorMdx>;
    const title = pages[to.path];
    if (!title) return <span>{children}</span>;
    return <AnchorMdx href={`?path=/docs/${docsPageId(title)}`}>{children}</AnchorMdx>;
  };
  const Image = ({ src = '', alt = '', ...props }: ComponentProps<'img'>) => {
    const to = target(src, file);
    const path = to?.path.startsWith('images/') ? `docs-images/${to.path.slice('images/'.length)}` : src;
    return <img src={path} alt={alt} style={{ maxWidth: '100%' }} {...props} />;
  };
  return (
    <Markdown
      options={{
        overrides: {
          ...HeadersMdx,
          code: CodeOrSourceMdx,
          pre: ({ children }: { children?: ReactNode }) => <>{children}</>,
          a: Link,
          img: Image,
        },
      }}
    >
      {source}
    </Markdown>
  );
}
