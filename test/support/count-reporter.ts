// Ends every test run with the plain line `N passed, M failed[, K skipped]` that CI reads, after one line per file
// whose tests were skipped, so that a suite skipped for want of something (the contract specs) shows in CI.
import type { Reporter, TestModule } from 'vitest/node';

export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const count = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    const skippedFiles: string[] = [];
    for (const module of modules) {
      const tests = [...module.children.allTests()];
      const skippedHere = tests.filter((test) => test.result().state === 'skipped').length;
      if (skippedHere > 0)
        skippedFiles.push(
          `Skipped ${skippedHere} of ${tests.length} in ${module.moduleId.replace(`${process.cwd()}/`, '')}`,
        );
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) count.failed += 1;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed += 1;
        else if (state === 'failed') count.failed += 1;
        else count.skipped += 1;
      }
    }
    const skipped = count.skipped ? `, ${count.skipped} skipped` : '';
    const notes = skippedFiles.map((line) => `${line}\n`).join('');
    process.stdout.write(`\n${notes}${count.passed} passed, ${count.failed} failed${skipped}\n`);
  }
}
