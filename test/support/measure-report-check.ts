/**
 * Accuracy of the report checker on the corpus fixtures:
 *   TZ=UTC node --import tsx test/support/measure-report-check.ts [--verbose]
 * Prints one line per file and the totals (figures matched, year/format/spam/violation agreement).
 */
import { loadTruth, scoreFile } from './report-check-truth.js';

const verbose = process.argv.includes('--verbose');
const truth = loadTruth();
let keys = 0;
let matched = 0;
const agree = { year: 0, format: 0, spam: 0, violations: 0, violationsOf: 0, complete: 0 };
const files = Object.keys(truth).sort();
for (const file of files) {
  const s = scoreFile(file, truth[file]!);
  keys += s.keys;
  matched += s.matched;
  agree.year += Number(s.year);
  agree.format += Number(s.format);
  agree.spam += Number(s.spam);
  agree.complete += Number(s.complete);
  if (s.violations !== null) {
    agree.violationsOf++;
    agree.violations += Number(s.violations);
  }
  const flags = [
    s.year ? '' : 'YEAR',
    s.format ? '' : 'FORMAT',
    s.spam ? '' : 'SPAM',
    s.violations === false ? 'VIOLATIONS' : '',
    s.complete ? '' : 'COMPLETE',
  ].filter(Boolean);
  console.log(`${file.padEnd(36)} ${String(s.matched).padStart(4)}/${String(s.keys).padEnd(4)} ${flags.join(' ')}`);
  if (verbose) {
    for (const w of s.wrong) console.log(`    wrong  ${w}`);
    for (const a of s.absent) console.log(`    absent ${a}`);
    for (const f of s.report.findings) console.log(`    ${f.severity} ${f.rule} ${f.message}`);
  }
}
const n = files.length;
console.log(`\nfigures: ${matched}/${keys} (${((100 * matched) / Math.max(1, keys)).toFixed(1)}%)`);
console.log(
  `year ${agree.year}/${n}, format ${agree.format}/${n}, spam ${agree.spam}/${n}, complete ${agree.complete}/${n}, violations ${agree.violations}/${agree.violationsOf}`,
);
