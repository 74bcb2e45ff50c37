const { loadEnv } = require("@medusajs/framework/utils")
const { moduleNameMapper, transformIgnorePatterns } = require("./integration-tests/esm-packages")
loadEnv("test", process.cwd())

// One config, three layers, chosen by TEST_TYPE (the Medusa starter's convention).
const roots = "<rootDir>/{src,scripts,plugins/*/src,packages/*/src,integration-tests/helpers}"
const testMatch = {
  unit: [`${roots}/**/__tests__/**/*.unit.spec.[jt]s?(x)`],
  "integration:modules": [`${roots}/modules/*/__tests__/**/*.spec.[jt]s`],
  "integration:http": ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
}[process.env.TEST_TYPE || "unit"]

if (!testMatch) {
  throw new Error(
    `TEST_TYPE must be one of unit, integration:modules, integration:http (got "${process.env.TEST_TYPE}")`
  )
}

module.exports = {
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
  // order-rules-cost.spec.ts is a measurement that boots an app: only with SOKO_MEASURE=1.
  testPathIgnorePatterns: [
    "/node_modules/",
    "/\\.medusa/",
    "/dist/",
    ...(process.env.SOKO_MEASURE === "1" ? [] : ["/order-rules-cost\\.spec\\.ts$"]),
  ],
  setupFiles: ["./integration-tests/setup.js"],
  testMatch,
}
