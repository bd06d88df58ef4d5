import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_ACTION_LABELS, auditActionLabel, describeChange } from './audit-labels.js';

const APP_DIR = fileURLToPath(new URL('../../app/', import.meta.url));

/** The use-case sources (tests excluded): every audit entry is written there. */
function appSources(dir = APP_DIR): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return appSources(p);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [{ file: p, text: readFileSync(p, 'utf8') }] : [];
  });
}

const CODE = /'([a-z_]+\.[a-z_]+)'/g;
/** Template codes and the domain lists that expand them (their labels come from the transition tables). */
const TEMPLATES: Record<string, readonly string[]> = {
  'application.${action}': [],
  'publication.${action}': [],
  'application.reply_file_${action}': ['added', 'removed'],
};

/** Every action code the use cases write, as the source spells it; template codes are reported apart. */
function writtenCodes(): { codes: Set<string>; templates: string[] } {
  const codes = new Set<string>();
  const templates: string[] = [];
  for (const { text } of appSources()) {
    // `action: 'x.y'`, `action: cond ? 'x.y' : 'x.z'` (type annotations such as `action: 'a.b' | 'a.c'` are rights)
    for (const m of text.matchAll(/\baction: ([^,}\n]*)/g)) {
      const value = m[1] ?? '';
      if (value.includes(' | ')) continue;
      for (const c of value.matchAll(CODE)) codes.add(c[1] ?? '');
      const t = /^`([^`]*)`/.exec(value);
      if (t) templates.push(t[1] ?? '');
    }
    // rowEntry('catalogue.row_added', …) and maps of a move to its audit code (report workflow)
    for (const m of text.matchAll(/rowEntry\('([a-z_]+\.[a-z_]+)'/g)) codes.add(m[1] ?? '');
    const map = /const AUDIT_ACTIONS[^{]*\{([^}]*)\}/.exec(text);
    for (const m of map?.[1]?.matchAll(/: '([a-z_]+\.[a-z_]+)'/g) ?? []) codes.add(m[1] ?? '');
  }
  return { codes, templates };
}

describe('audit action labels', () => {
  it('labels every action code a use case writes', () => {
    const { codes } = writtenCodes();
    assert.ok(codes.size > 60, `found only ${codes.size} codes: the scan is broken`);
    for (const expected of ['user.login', 'catalogue.row_added', 'report.submitted', 'user.reactivated']) {
      assert.ok(codes.has(expected), `the scan misses ${expected}`);
    }
    const missing = [...codes].filter((c) => !AUDIT_ACTION_LABELS[c]);
    assert.deepEqual(missing, [], `actions without a Chinese label in audit-labels.ts: ${missing.join(', ')}`);
  });

  it('knows every template code, and labels each move it expands to', () => {
    const { templates } = writtenCodes();
    const unknown = templates.filter((t) => !(t in TEMPLATES));
    assert.deepEqual(unknown, [], `new computed action codes: add them to audit-labels.ts and this test`);
    for (const move of ['register', 'send_reply', 'archive', 'lapse_fee']) {
      assert.match(AUDIT_ACTION_LABELS[`application.${move}`] ?? '', /^申请：/);
    }
    for (const move of ['submit', 'publish', 'release']) {
      assert.match(AUDIT_ACTION_LABELS[`publication.${move}`] ?? '', /^主动公开：/);
    }
    for (const suffix of TEMPLATES['application.reply_file_${action}'] ?? []) {
      assert.ok(AUDIT_ACTION_LABELS[`application.reply_file_${suffix}`]);
    }
  });

  it('labels are Chinese and distinct', () => {
    const labels = Object.values(AUDIT_ACTION_LABELS);
    for (const l of labels) assert.match(l, /[\u4e00-\u9fff]/);
    assert.equal(new Set(labels).size, labels.length);
    assert.equal(auditActionLabel('org.created'), '新建机构');
    assert.equal(auditActionLabel('unknown.code'), 'unknown.code');
  });
});

describe('describeChange', () => {
  it('lists changed fields before → after with Chinese names and values', () => {
    const changes = describeChange(
      { state: 'registered', dueOn: '2026-01-20', orgId: 'o1' },
      { state: 'replied', dueOn: '2026-01-20', orgId: 'o1', outcome: 'disclosed' },
      'application',
    );
    assert.deepEqual(
      changes.map((c) => [c.label, c.before, c.after]),
      [
        ['状态', '办理中', '已答复'],
        ['办理结果', '（无）', 'disclosed'],
      ],
    );
  });

  it('names publication states, account status and roles in Chinese', () => {
    const [state] = describeChange({ state: 'draft' }, { state: 'published' }, 'publication');
    assert.equal(state?.before, '草稿');
    const [status] = describeChange({ status: 'active' }, { status: 'deactivated' }, 'user');
    assert.deepEqual([status?.label, status?.before, status?.after], ['状态', '启用', '已停用']);
    const [roles] = describeChange(null, { roles: [{ role: 'admin', orgId: 'o' }] }, 'user');
    assert.equal(roles?.label, '角色');
    assert.doesNotMatch(roles?.after ?? '', /admin/);
  });

  it('shows nothing for an entry without states, and a whole value that is not an object', () => {
    assert.deepEqual(describeChange(null, null, 'user'), []);
    assert.deepEqual(describeChange(null, 'x', 'setting'), [
      { field: '', label: '内容', before: '（无）', after: 'x' },
    ]);
  });
});
