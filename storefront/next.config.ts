import type { NextConfig } from "next"
import createNextIntlPlugin from "next-intl/plugin"

// Points next-intl at src/i18n/request.ts (the language of each request), and compiles the
// ICU messages of messages/*.json at build time: the pages then carry next-intl's small
// formatter instead of the ICU parser (intl-messageformat and @formatjs/*, about 9 KB gzip
// of every page's JavaScript). Every import of those files, on the server too, gets the
// compiled form (src/lib/util/errors.ts; vitest reads the plain JSON and parses it as before).
const withNextIntl = createNextIntlPlugin({
  experimental: {
    messages: { path: "./messages", format: "json", locales: "infer", precompile: true },
  },
})

// A separate build folder (SOKO_NEXT_DIST_DIR=.next-e2e) lets the browser tests build and
// serve while `next dev` runs in .next; Next then edits a scratch tsconfig, not ours.
const distDir = process.env.SOKO_NEXT_DIST_DIR || ".next"
const alternateBuild = distDir !== ".next"

const config: NextConfig = {
  // The storefront is its own npm project inside the Soko repository.
  outputFileTracingRoot: __dirname,
  turbopack: { root: __dirname },
  reactStrictMode: true,
  poweredByHeader: false,
  // Page titles and descriptions go in <head> for every client (no streamed metadata).
  htmlLimitedBots: /.*/,
  distDir,
  ...(alternateBuild ? { typescript: { tsconfigPath: `tsconfig.next-${distDir.replace(/^\.next-?/, "") || "alt"}.json` } } : {}),
  // Product pictures come from the backend's file module (SVGs in the demo shop);
  // they are served same-origin through /static (rewritten to the backend in src/proxy.ts)
  // and drawn with sized <img> tags.
  images: { unoptimized: true },
  // `next dev` would otherwise write an AGENTS.md into the storefront on every start.
  agentRules: false,
  experimental: {
    agentUpgrade: false,
    // Server actions carry forms only; keep them small.
    serverActions: { bodySizeLimit: "256kb" },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ]
  },
}

export default withNextIntl(config)
