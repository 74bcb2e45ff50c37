// The plugin install tests (see README.md here): one scratch Medusa app per
// plugin, each with its own folder, database and ports, so two can run at once
// (npm run test:plugin-install); generous timeouts. Not part of the root jest
// config's projects (its own global setup packs the plugins); npm test runs it as a step.
const path = require("node:path")
const { moduleNameMapper, transformIgnorePatterns } = require("../esm-packages")

module.exports = {
  rootDir: path.resolve(__dirname, "..", ".."),
  // Only this folder is crawled (the repository root holds storefront/, bench copies, .data/…).
  roots: ["<rootDir>/integration-tests/plugin-install"],
  testMatch: ["<rootDir>/integration-tests/plugin-install/**/*.install.spec.ts"],
  transform: {
    "^.+\\.[jt]s$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2021" } },
    ],
  },
  transformIgnorePatterns,
  moduleNameMapper,
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["<rootDir>/.medusa/", "/\\.medusa/", "<rootDir>/bench/", "<rootDir>/.data/", "<rootDir>/dist/"],
  testPathIgnorePatterns: ["/node_modules/", "/\\.medusa/", "/dist/"],
  globalSetup: "<rootDir>/integration-tests/plugin-install/global-setup.ts",
  // Generating, migrating, building and booting an app takes minutes on a busy 2-core machine.
  testTimeout: 10 * 60 * 1000,
}
