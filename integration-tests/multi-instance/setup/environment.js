/**
 * Jest's node environment plus the multi-instance run: the cluster that
 * ./global-setup.ts booted lives in this process (the config runs specs in
 * band), and each spec's context gets the same run object. It also records
 * each test's verdict for the measurements file the bench reads.
 */
const { TestEnvironment } = require("jest-environment-node")

const testName = (test) => {
  const names = []
  for (let block = test; block && block.name !== "ROOT_DESCRIBE_BLOCK"; block = block.parent) {
    names.unshift(block.name)
  }
  return names.join(" › ")
}

class MultiInstanceEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    this.global.__SOKO_MULTI__ = globalThis.__SOKO_MULTI__
  }

  async handleTestEvent(event) {
    const run = globalThis.__SOKO_MULTI__
    if (run && event.name === "test_done") {
      run.checks.push({ name: testName(event.test), ok: event.test.errors.length === 0 })
    }
  }
}

module.exports = MultiInstanceEnvironment
