// The dated publishing chain for 主动公开 tests now lives in test/factories/publications.ts; re-exported for
// the tests that still import it from here.
export { datedPublishing as publishingStaff, type DatedPublishing as Publishing } from '../factories/publications.js';
