/**
 * Jest starts the longest spec files first when it has timings from an earlier
 * run, and the biggest files when it has none (a fresh clone in CI). The two
 * pathology matrix files are tiny but run for minutes, so by size they came
 * last and one worker ran them while the other sat idle. Known-long files go
 * first here; the rest keep Jest's own order.
 */
const Sequencer = require("@jest/test-sequencer").default

const SLOW = [/mpesa-pathology-matrix-\d\.spec/, /mpesa-money-path\.spec/, /stripe-payments\.spec/, /mpesa-payments\.spec/]

const rank = (test) => {
  const index = SLOW.findIndex((pattern) => pattern.test(test.path))
  return index === -1 ? SLOW.length : index
}

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const jestOrder = super.sort(tests)
    return jestOrder
      .map((test, position) => ({ test, position }))
      .sort((a, b) => rank(a.test) - rank(b.test) || a.position - b.position)
      .map(({ test }) => test)
  }
}

module.exports = SlowFirstSequencer
