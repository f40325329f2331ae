import type { NextConfig } from 'next';

/**
 * The storefront imports the package by its public names. Here they resolve to the repository's build
 * (`npm run build` first), exactly the files a storefront installs — `'use client'` boundary included.
 */
const nextConfig: NextConfig = {
  turbopack: {
    resolveAlias: {
      'emporix-customer-react/api': '../../dist/api.js',
      'emporix-customer-react/server': '../../dist/server.js',
      'emporix-customer-react/queries': '../../dist/queries.js',
      'emporix-customer-react/testing': '../../dist/testing.js',
      'emporix-customer-react/styles.css': '../../dist/styles.css',
      'emporix-customer-react': '../../dist/index.js',
    },
  },
  // MSW patches Node's networking for the simulator: it runs as installed, not bundled.
  serverExternalPackages: ['msw'],
  // The repository's `npm run typecheck` checks this app (against the library's sources); no second pass here.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  // `next dev` writes no extra instruction files into the example.
  agentRules: false,
  // Each CI run builds afresh: a build cache nobody reads again costs seconds to write.
  experimental: { turbopackFileSystemCacheForBuild: false },
};

export default nextConfig;
