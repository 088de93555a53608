// Ends every test run with the plain line `N passed, M failed[, K skipped]` that CI reads, after one line per file
// whose tests were skipped, with the notes they gave (a missing program and its package), so that a suite skipped
// for want of something (the contract specs, shellcheck) shows in CI and on a developer's machine.
import type { Reporter, TestModule } from 'vitest/node';

export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const count = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    const skippedFiles: string[] = [];
    for (const module of modules) {
      const tests = [...module.children.allTests()];
      const skippedTests = tests.map((test) => test.result()).filter((result) => result.state === 'skipped');
      // Why, where a test said so (support/tools.ts: the program to install).
      const notes = [...new Set(skippedTests.flatMap((result) => (result.note ? [result.note] : [])))];
      if (skippedTests.length > 0)
        skippedFiles.push(
          `Skipped ${skippedTests.length} of ${tests.length} in ${module.moduleId.replace(`${process.cwd()}/`, '')}${notes.length ? `: ${notes.join('; ')}` : ''}`,
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
