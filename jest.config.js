const { loadEnv } = require("@medusajs/framework/utils")
const { moduleNameMapper, transformIgnorePatterns } = require("./integration-tests/esm-packages")
loadEnv("test", process.cwd())

/**
 * One jest config, one project per test layer:
 *
 *   npx jest --selectProjects unit          pure functions, components, fakes
 *   npx jest --selectProjects modules       each module against real PostgreSQL
 *   npx jest --selectProjects http          the whole app in-process, over HTTP
 *   npx jest --selectProjects observability a server and a worker exporting traces and metrics
 *   npx jest --selectProjects launcher      `npm run dev` stopped every way, nothing left behind
 *
 * The module and HTTP layers need NODE_OPTIONS=--experimental-vm-modules (Medusa's
 * loaders import ESM); `npm run test:*` sets it. TEST_TYPE (the Medusa starter's
 * convention) still picks one layer, so `TEST_TYPE=unit npx jest <path>` keeps working.
 */
const roots = "<rootDir>/{src,scripts,bench,plugins/*/src,packages/*/src,integration-tests/helpers}"

const shared = {
  rootDir: __dirname,
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true, decorators: true },
          transform: { react: { runtime: "automatic" } },
          target: "es2021",
        },
      },
    ],
  },
  transformIgnorePatterns,
  moduleNameMapper,
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  // bench/.work holds copies of the plugins (same package names) while `npm run bench` runs.
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "/\\.medusa/", "<rootDir>/bench/.work/", "<rootDir>/.data/"],
  testPathIgnorePatterns: ["/node_modules/", "/\\.medusa/", "/dist/", "<rootDir>/bench/.work/"],
  setupFiles: ["<rootDir>/integration-tests/setup.js"],
  // What `--coverage` measures: all of our code, loaded by a test or not.
  collectCoverageFrom: [
    "{src,scripts,plugins/*/src,packages/*/src}/**/*.{ts,tsx}",
    "!**/__tests__/**",
    "!**/*.d.ts",
    "!**/node_modules/**",
    "!**/.medusa/**",
  ],
}

const layers = {
  // Boots the launcher three times (ports 9200–9203); see scripts/__tests__/launcher-stop.e2e.spec.ts.
  launcher: { testMatch: ["<rootDir>/scripts/__tests__/*.e2e.spec.ts"] },
  unit: { testMatch: [`${roots}/**/__tests__/**/*.unit.spec.[jt]s?(x)`] },
  modules: { testMatch: [`${roots}/modules/*/__tests__/**/*.spec.[jt]s`] },
  // Boots `medusa start` processes (no app in-process), so it runs without vm modules, where
  // scripts/lib/processes (execa, an ES module) can load.
  observability: { testMatch: ["<rootDir>/integration-tests/observability/*.spec.[jt]s"] },
  http: {
    testMatch: ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
    // One migrated template database that every spec file's database is copied from.
    globalSetup: "<rootDir>/integration-tests/http/global-setup.ts",
    globalTeardown: "<rootDir>/integration-tests/http/global-teardown.ts",
  },
}

// The starter's TEST_TYPE names for the same layers.
const TEST_TYPES = { unit: "unit", "integration:modules": "modules", "integration:http": "http" }

const chosen = process.env.TEST_TYPE ? TEST_TYPES[process.env.TEST_TYPE] : undefined
if (process.env.TEST_TYPE && !chosen) {
  throw new Error(
    `TEST_TYPE must be one of ${Object.keys(TEST_TYPES).join(", ")} (got "${process.env.TEST_TYPE}")`
  )
}

module.exports = {
  // V8's own counters: no instrumenting transform, so coverage costs little time.
  coverageProvider: "v8",
  testSequencer: "<rootDir>/integration-tests/slow-first-sequencer.js",
  projects: Object.entries(layers)
    .filter(([name]) => !chosen || name === chosen)
    .map(([name, layer]) => ({ ...shared, displayName: name, ...layer })),
}
