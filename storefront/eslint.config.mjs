import nextVitals from "eslint-config-next/core-web-vitals"
import nextTypescript from "eslint-config-next/typescript"
import { defineConfig, globalIgnores } from "eslint/config"

export default defineConfig([
  globalIgnores([".next/**", ".next-*/**", "tsconfig.next-*.json", "node_modules/**", "e2e-artifacts/**", ".e2e-tmp/**", "next-env.d.ts"]),
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      curly: ["error", "all"],
      // A key after a spread compiles to createElement, and React then warns about missing keys (AddressForm did).
      "react/jsx-key": ["error", { checkFragmentShorthand: true, checkKeyMustBeforeSpread: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
])
