import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  WEAK_PASSWORD_REASONS as R,
  containsIdNumber,
  isDate,
  isKeyboardWalk,
  isPinyinName,
  isWeakNumber,
  weakPasswordReason,
} from './weak-passwords.js';
import { passwordPolicyErrors } from './password-policy.js';

/** The account and site the passwords are judged for: a site configured as "Shiliqu 政务公开". */
const INPUTS = { username: 'li.office', email: 'xiaoli@shiliqu.gov.cn', words: ['Shiliqu', '11110000MB0000000X'] };

/** Twenty passwords of the patterns Chinese users choose, each with the reason it is refused for. */
export const CHINESE_PATTERNS: readonly (readonly [string, string])[] = [
  ['Admin@123456', R.common],
  ['woaini1314520', R.common],
  ['zhangsan1990', R.nameAndDate],
  ['Gongkai@2026', R.personal],
  ['Zhengfu@2026', R.personal],
  ['liuyang19880808', R.nameAndDate],
  ['11010519900307', R.idNumber],
  ['11010519900307123X', R.idNumber],
  ['a123456789', R.common],
  ['qq123456789', R.common],
  ['1qaz2wsx3edc', R.common],
  ['Woaini@1314', R.common],
  ['5201314520', R.common],
  ['Wangwei@1985', R.nameAndDate],
  ['chenjie880808', R.nameAndDate],
  ['Sunshine@2026', R.common],
  ['Zhang.San.1990', R.nameAndDate],
  ['huangxiaoming123', R.nameAndDate],
  ['Shiliqu@2026', R.personal],
  ['Qwerty@123456', R.keyboard],
];

test('should refuse the twenty Chinese-pattern passwords, each with its Chinese reason', () => {
  assert.equal(CHINESE_PATTERNS.length, 20);
  for (const [password, reason] of CHINESE_PATTERNS) {
    assert.equal(weakPasswordReason(password, INPUTS), reason, password);
  }
});

test('should refuse a dictionary word with a year, in any case, with separators or leetspeak', () => {
  for (const p of ['Welcome@2026', 'BEIJING2008!!', 'P@ssw0rd2026', 'Huanying-2025', 'Guanliyuan#1990']) {
    assert.ok([R.wordAndYear, R.common].includes(weakPasswordReason(p, INPUTS) as never), p);
  }
  assert.equal(weakPasswordReason('Guanliyuan#1990', INPUTS), R.wordAndYear);
});

test("should refuse the account's own email, the site's words and the organizations' codes", () => {
  assert.equal(weakPasswordReason('Xiaoli@2026!', INPUTS), R.personal);
  assert.equal(weakPasswordReason('x11110000MB0000000X', INPUTS), R.personal);
  const site = { username: 'li.office', words: ['Anytown'] };
  assert.equal(weakPasswordReason('Anytown@2026', site), R.personal);
  assert.equal(weakPasswordReason('Anytown@2026', { username: 'li.office' }), null, 'only when it is the site name');
});

test('should accept strong passwords, pinyin passphrases included', () => {
  const strong = [
    'Lanse-Hudie-47-Qiao',
    'Shili-Qu-2025-gongkai',
    'Gongkai-Staff-Pass-2025',
    'Qingshan-Lvshui-88-Lin',
    'correct horse battery staple',
    'Tk7#pWq9!zR2',
    'zhangsan83749201x!Q',
  ];
  for (const p of strong) assert.equal(weakPasswordReason(p, INPUTS), null, p);
});

test('should recognize dates, number patterns, keyboard walks, pinyin names and identity card numbers', () => {
  assert.ok(isDate('19880808') && isDate('880808') && isDate('2026') && isDate('1231'));
  assert.ok(!isDate('19881308') && !isDate('1899') && !isDate('883208'));
  assert.ok(isWeakNumber('5201314520') && isWeakNumber('19900307') && isWeakNumber('123456789'));
  assert.ok(isWeakNumber('888888') && isWeakNumber('121212') && isWeakNumber('2026'));
  assert.ok(!isWeakNumber('83749201') && !isWeakNumber('47392018'));
  assert.ok(isKeyboardWalk('1qaz2wsx') && isKeyboardWalk('qwer1234') && isKeyboardWalk('zxcvbnm'));
  assert.ok(!isKeyboardWalk('lansehudie'));
  assert.ok(isPinyinName('zhangsan') && isPinyinName('ouyangxiaoming') && isPinyinName('liuyang'));
  assert.ok(!isPinyinName('lansehudieqiao') && !isPinyinName('handler') && !isPinyinName('zhang'));
  assert.ok(containsIdNumber('11010519900307123X') && containsIdNumber('my440305198812310016'));
  assert.ok(!containsIdNumber('11010519901307') && !containsIdNumber('1234567890'));
});

test('should give the policy the pattern reason before asking the judge', () => {
  let asked: string[] = [];
  const judge = {
    isCommon: (_p: string, inputs: string[]) => {
      asked = inputs;
      return false;
    },
  };
  assert.deepEqual(passwordPolicyErrors('liuyang19880808', INPUTS, judge), [
    '密码包含拼音姓名和日期，请换一个更复杂的密码',
  ]);
  assert.deepEqual(asked, [], 'the judge is not asked once a pattern refuses');
  assert.deepEqual(passwordPolicyErrors('Lanse-Hudie-47-Qiao', INPUTS, judge), []);
  assert.ok(['li.office', 'xiaoli@shiliqu.gov.cn', 'Shiliqu', 'gongkai', 'zhengfu'].every((w) => asked.includes(w)));
});
