/**
 * TypeDoc settings of the API reference (docs/reference, Markdown): every export of the three entry points,
 * as `npm run docs:reference` writes it. Paths are relative to this file.
 */
import { OptionDefaults } from 'typedoc';

/** @type {Partial<import('typedoc').TypeDocOptions & import('typedoc-plugin-markdown').PluginOptions>} */
export default {
  entryPoints: ['../../src/index.ts', '../../src/api/index.ts', '../../src/testing/index.ts'],
  tsconfig: '../../tsconfig.build.json',
  out: '../../docs/reference',
  plugin: ['typedoc-plugin-markdown', './typedoc-keep-aliases.mjs', './typedoc-entry-names.mjs'],
  outputFileStrategy: 'modules',
  readme: 'none',
  // Links to sources would name a commit or a local path; the reference stands on its own.
  disableSources: true,
  // Members inherited from React's and the DOM's types (every HTML attribute of a part) are not ours to list.
  excludeExternals: true,
  excludePrivate: true,
  excludeInternal: true,
  blockTags: [...OptionDefaults.blockTags, '@selector'],
  // The doc-comment test (test/docs) lists undocumented exports; TypeDoc's own list would include every
  // member of every inferred type.
  validation: { notExported: false, notDocumented: false, invalidLink: true },
  treatWarningsAsErrors: true,
  hidePageHeader: true,
  hideBreadcrumbs: true,
  useCodeBlocks: true,
  parametersFormat: 'table',
  interfacePropertiesFormat: 'table',
  classPropertiesFormat: 'table',
  typeDeclarationFormat: 'table',
  sanitizeComments: true,
};
