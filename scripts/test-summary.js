// Prints the test run's closing line in the plain form CI reads ("tests: N passed, N failed") from
// vitest's JSON report, after the list of every skipped or todo test (file and name). Fails when a
// test failed, none ran, or the report is missing, and on CI (CI set) when any test was skipped:
// a skipped suite there hides a missing tool or a forgotten `.skip`.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const file = process.argv[2] ?? 'test-output/vitest-report.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`test-summary: no vitest report at ${file}: ${error.message}`);
  process.exit(1);
}

// vitest's JSON statuses: passed, failed, skipped, pending (never finished), todo, disabled.
const NOT_RUN = new Set(['skipped', 'pending', 'todo', 'disabled']);
const notRun = (report.testResults ?? []).flatMap((result) =>
  (result.assertionResults ?? [])
    .filter((test) => NOT_RUN.has(test.status))
    .map((test) => `${path.relative(process.cwd(), result.name)}: ${[...(test.ancestorTitles ?? []), test.title].join(' > ')} (${test.status})`),
);

const passed = report.numPassedTests ?? 0;
const failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
const skipped = Math.max(notRun.length, (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0));
const onCi = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());

if (notRun.length > 0) {
  console.log(`skipped tests (${notRun.length}):`);
  for (const line of notRun) console.log(`  ${line}`);
}
if (onCi && skipped > 0) {
  console.error(`test-summary: ${skipped} test(s) skipped on CI (CI=${process.env.CI}); CI runs every test, so a skip fails the run`);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 || report.success === false || (onCi && skipped > 0) ? 1 : 0);
