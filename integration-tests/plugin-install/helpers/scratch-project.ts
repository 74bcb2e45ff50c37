/**
 * The files a scratch app starts from: a package.json that takes Medusa and its
 * peers at the repository's own pinned versions plus the plugin under test,
 * and the tsconfig of Medusa's starters.
 */

const MEDUSA_PACKAGES = [
  "@medusajs/admin-sdk",
  "@medusajs/cli",
  "@medusajs/framework",
  "@medusajs/medusa",
  "@mikro-orm/core",
  "@mikro-orm/knex",
  "@mikro-orm/migrations",
  "@mikro-orm/postgresql",
  "pg",
]

export function scratchPackageJson(input: {
  dir: string
  rootDependencies: Record<string, string>
  packageName: string
  pluginVersion: string
}) {
  return {
    name: `scratch-${input.dir}`,
    version: "0.0.0",
    private: true,
    scripts: { build: "medusa build", start: "medusa start", dev: "medusa develop" },
    dependencies: {
      ...Object.fromEntries(MEDUSA_PACKAGES.map((n) => [n, input.rootDependencies[n]])),
      [input.packageName]: input.pluginVersion,
    },
  }
}

export const STARTER_TSCONFIG = {
  compilerOptions: {
    target: "ES2021",
    esModuleInterop: true,
    module: "Node16",
    moduleResolution: "Node16",
    emitDecoratorMetadata: true,
    experimentalDecorators: true,
    skipLibCheck: true,
    skipDefaultLibCheck: true,
    declaration: false,
    sourceMap: false,
    inlineSourceMap: true,
    outDir: "./.medusa/server",
    rootDir: "./",
    jsx: "react-jsx",
    forceConsistentCasingInFileNames: true,
    resolveJsonModule: true,
    checkJs: false,
    strictNullChecks: true,
  },
  "ts-node": { swc: true },
  include: ["**/*", ".medusa/types/*"],
  exclude: ["node_modules", ".medusa/server", ".medusa/admin", "logs"],
}
