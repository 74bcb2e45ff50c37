// execa (and its dependencies) ship only as ES modules. Node
// loads them from CommonJS itself, but jest has its own module loader, so
// jest must compile them like our own files.
const path = require("node:path")

const esmOnly = [
  "execa",
  "get-stream",
  "human-signals",
  "is-plain-obj",
  "is-stream",
  "is-unicode-supported",
  "figures",
  "npm-run-path",
  "path-key",
  "parse-ms",
  "pretty-ms",
  "strip-final-newline",
  "unicorn-magic",
  "yoctocolors",
  "@sindresorhus/merge-streams",
  "@sec-ant/readable-stream",
]

module.exports = {
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join("|")})/)`],
  // unicorn-magic exports only an "import" condition, which jest's resolver never asks for.
  moduleNameMapper: {
    "^unicorn-magic$": path.join(__dirname, "..", "node_modules", "unicorn-magic", "node.js"),
  },
}
