// The template editor's plain-text syntax: paragraphs, [如有 x] / [如无 x] conditions, escapes, round trips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatTemplateBody,
  parseTemplateBody,
  templateFromText,
  templateKeyLabel,
  templateToText,
} from './template-text.js';
import { defaultTemplate, TEMPLATE_KEYS } from './templates.js';
import type { TemplateParagraph } from './notice-template.js';

test('parseTemplateBody splits paragraphs on blank lines and reads conditions', () => {
  const r = parseTemplateBody(
    '第一段。\r\n\r\n\r\n[如有 extensionReason]\n因{{extensionReason}}延期。\n\n【如无 reasons】\n无理由。\n第二行。\n',
  );
  assert.ok(r.ok);
  assert.deepEqual(r.value, [
    '第一段。',
    { when: 'extensionReason', text: '因{{extensionReason}}延期。' },
    { unless: 'reasons', text: '无理由。\n第二行。' },
  ]);
});

test('parseTemplateBody reports misplaced, malformed and empty conditions with their lines', () => {
  const r = parseTemplateBody('正文\n[如有 reasons]\n理由\n\n[如有 法律依据]\n内容\n\n[如无 reasons]');
  assert.ok(!r.ok);
  assert.deepEqual(
    r.error.map((i) => i.line),
    [2, 5, 8],
  );
  assert.match(r.error[0]?.message ?? '', /第一行/);
  assert.match(r.error[1]?.message ?? '', /格式有误/);
  assert.match(r.error[2]?.message ?? '', /缺少段落正文/);
});

test('parseTemplateBody refuses an empty body', () => {
  const r = parseTemplateBody(' \n\n  ');
  assert.ok(!r.ok);
  assert.match(r.error[0]?.message ?? '', /至少需要一段/);
});

test('a leading backslash makes a paragraph literal, and formatting adds it where needed', () => {
  const paragraphs: TemplateParagraph[] = ['[如有 reasons] 这是正文', '\\开头的反斜杠', '普通段落'];
  const text = formatTemplateBody(paragraphs);
  assert.equal(text, '\\[如有 reasons] 这是正文\n\n\\\\开头的反斜杠\n\n普通段落');
  const back = parseTemplateBody(text);
  assert.ok(back.ok);
  assert.deepEqual(back.value, paragraphs);
});

test('every default template round-trips through the text form', () => {
  for (const key of TEMPLATE_KEYS) {
    const t = defaultTemplate(key);
    const back = templateFromText(templateToText(t));
    assert.ok(back.ok, key);
    assert.deepEqual(back.value, { title: t.title, addressee: t.addressee, paragraphs: [...t.paragraphs] }, key);
  }
});

test('formatting is stable on text the parser produced', () => {
  const typed = '  甲段  \n\n[如有 reasons]\n{{reasons}}\n\n乙段\n续行';
  const once = parseTemplateBody(typed);
  assert.ok(once.ok);
  const text = formatTemplateBody(once.value);
  const twice = parseTemplateBody(text);
  assert.ok(twice.ok);
  assert.deepEqual(twice.value, once.value);
  assert.equal(formatTemplateBody(twice.value), text);
});

test('templateKeyLabel names kinds and reply outcomes in Chinese', () => {
  assert.equal(templateKeyLabel('correction'), '补正告知书');
  assert.equal(templateKeyLabel('reply.disclosed'), '答复告知书（予以公开）');
  for (const key of TEMPLATE_KEYS) assert.doesNotMatch(templateKeyLabel(key), /^[a-z]/, key);
});
