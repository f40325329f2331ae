import type { StorybookConfig } from '@storybook/react-vite';
import tailwindcss from '@tailwindcss/vite';
import { packageAliases } from '../scripts/package-aliases.ts';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: [
    './guides/*.mdx',
    '../docs/**/*.stories.@(ts|tsx)',
    '../src/**/*.stories.@(ts|tsx)',
  ],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest', 'msw-storybook-addon'],
  // The guides' screenshots, where the Markdown guides rendered here link them (`images/…`).
  staticDirs: ['../public', { from: '../docs/images', to: '/docs-images' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // No onboarding checklist or guide: this Storybook documents a library, it is not a new project.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  async viteFinal(viteConfig) {
    // The library build's declaration plugin has no business in Storybook.
    viteConfig.plugins = (viteConfig.plugins ?? []).flat().filter((plugin) => {
      const name = plugin && typeof plugin === 'object' && 'name' in plugin ? plugin.name : '';
      return name !== 'unplugin-dts';
    });
    // Docs samples import the package by name: the same sources (and provider) as the stories, not a build.
    const alias = viteConfig.resolve?.alias;
    const existing = Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
    viteConfig.resolve = { ...viteConfig.resolve, alias: [...packageAliases, ...existing] };
    // The styling guide's Tailwind and shadcn/ui-style samples (only CSS that imports Tailwind is touched).
    viteConfig.plugins.push(tailwindcss());
    return viteConfig;
  },
};

export default config;
