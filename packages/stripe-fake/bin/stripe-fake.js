#!/usr/bin/env node
// Committed shim so npm can link the command before `dist/` is built.
require("../dist/cli.js")
