/**
 * The specs share one cluster and build on each other's traffic (the
 * checkouts are placed once; the exactly-once checks count everything paid
 * before them; the refund specs come last so they do not change those
 * counts), so they run in this order rather than Jest's.
 */
const Sequencer = require("@jest/test-sequencer").default
const path = require("node:path")

const ORDER = [
  "files",
  "shared-limits",
  "orders-once",
  "timers-once",
  "orphaned-lock",
  "worker-kill",
  "captures-once",
  "messages-once",
  "c2b-once",
  "refund-race",
  "refund-worker-kill",
]

const rank = (test) => {
  const index = ORDER.indexOf(path.basename(test.path).replace(/\.spec\.ts$/, ""))
  return index === -1 ? ORDER.length : index
}

class MultiInstanceSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path))
  }
}

module.exports = MultiInstanceSequencer
