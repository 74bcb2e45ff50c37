/**
 * The multi-instance specs: one cluster (2 servers + 1 worker over PostgreSQL
 * and Redis) booted once by the global setup and shared by every spec, in
 * the order of ./setup/sequencer.js, in band. `npm run test:multi-instance`.
 * Without REDIS_URL every spec is skipped, with the reason in its name.
 */
const path = require("node:path")

const here = "<rootDir>/integration-tests/multi-instance"

module.exports = {
  rootDir: path.resolve(__dirname, "..", ".."),
  transform: {
    "^.+\\.[jt]s$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2021" } }],
  },
  // The global setup starts the cluster through scripts/lib/processes, whose execa (an ES
  // module) Node itself loads there; so no spec may import ./cluster.ts at run time.
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "/\\.medusa/", "<rootDir>/bench/.work/", "<rootDir>/.data/"],
  testMatch: [`${here}/**/*.spec.ts`],
  testEnvironment: `${here}/setup/environment.js`,
  testSequencer: `${here}/setup/sequencer.js`,
  globalSetup: `${here}/setup/global-setup.ts`,
  globalTeardown: `${here}/setup/global-teardown.ts`,
  // The cluster and the Daraja simulator live in this process: specs must run here too.
  maxWorkers: 1,
}
