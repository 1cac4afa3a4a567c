// Mocha's spec reporter followed by one closing line, "N passed, N failed, N skipped",
// the totals line CI reads.
const Mocha = require('mocha');

const { Spec } = Mocha.reporters;
const { EVENT_RUN_END } = Mocha.Runner.constants;

class SummaryReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      // Printed after Spec's epilogue so it is the very last line.
      process.on('exit', () => {
        console.log(`${passes} passed, ${failures} failed, ${pending} skipped`);
      });
    });
  }
}

module.exports = SummaryReporter;
