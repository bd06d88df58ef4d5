import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_CORRECTED_REQUEST,
  MAX_CORRECTION_FILES,
  MAX_CORRECTION_FILE_BYTES,
  checkCorrection,
} from './online-correction.js';

const PDF = new TextEncoder().encode('%PDF-1.7\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);

describe('online corrections', () => {
  it('should accept the corrected request alone, trimmed', () => {
    const r = checkCorrection('  2024年示例区老旧小区改造项目（人民路片区）的立项批复  ', []);
    assert.deepEqual(r, {
      ok: true,
      value: { correctedRequest: '2024年示例区老旧小区改造项目（人民路片区）的立项批复', files: [] },
    });
  });

  it('should type each file by its first bytes, DOCX and XLSX by the name of their ZIP container', () => {
    const r = checkCorrection('文件名称', [
      { name: 'scan.pdf', content: PDF },
      { name: '照片.png', content: PNG },
      { name: '说明.docx', content: ZIP },
      { name: '清单.xlsx', content: ZIP },
    ]);
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.files.map((f) => f.mime),
      [
        'application/pdf',
        'image/png',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
    );
  });

  it('should refuse a missing or too long request and every bad file at once, in Chinese', () => {
    const big = new Uint8Array(MAX_CORRECTION_FILE_BYTES + 1);
    big.set(PDF);
    const r = checkCorrection(' ', [
      { name: 'virus.exe', content: new TextEncoder().encode('MZ\x90\x00') },
      { name: 'fake.pdf', content: new TextEncoder().encode('<html>') },
      { name: 'empty.png', content: new Uint8Array() },
      { name: 'big.pdf', content: big },
      { name: 'zip.zip', content: ZIP },
    ]);
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    assert.equal(r.error.correctedRequest, '请填写补正后的申请内容');
    assert.equal(
      r.error.files,
      '文件“virus.exe”的类型不支持，可上传PDF、DOCX、XLSX文件或图片；文件“fake.pdf”的类型不支持，可上传PDF、DOCX、XLSX文件或图片；文件“empty.png”是空的；文件“big.pdf”超过10MB；文件“zip.zip”的类型不支持，可上传PDF、DOCX、XLSX文件或图片',
    );
    const long = checkCorrection('字'.repeat(MAX_CORRECTED_REQUEST + 1), []);
    assert.ok(!long.ok);
    assert.equal(long.error.correctedRequest, `补正后的申请内容不能超过${MAX_CORRECTED_REQUEST}字`);
  });

  it('should take at most the stated number of files', () => {
    const files = Array.from({ length: MAX_CORRECTION_FILES + 1 }, (_, i) => ({ name: `${i}.pdf`, content: PDF }));
    const r = checkCorrection('文件名称', files);
    assert.ok(!r.ok);
    assert.equal(r.error.files, `最多上传${MAX_CORRECTION_FILES}个文件`);
    assert.ok(checkCorrection('文件名称', files.slice(1)).ok);
  });
});
