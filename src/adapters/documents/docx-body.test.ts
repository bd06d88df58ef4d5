// A Word document as a publication's body: Word's heading styles one level down whatever their language (WPS and
// Chinese Word name them 标题 1, 标题 2), images kept aside with a placeholder, never a data: URI; anything that is
// not a DOCX refused with a Chinese reason.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph } from 'docx';
import { DocumentRefused } from '../../app/documents/ports.js';
import { docxToBody } from './docx-body.js';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4d50000000049454e44ae426082',
  'hex',
);

const docx = (doc: Document) => Packer.toBuffer(doc).then((b) => new Uint8Array(b));

describe('Word document as a body', () => {
  test('should map headings named 标题 1 / 标题 2 (Chinese style names) and Heading 3 one level down', async () => {
    const bytes = await docx(
      new Document({
        styles: {
          paragraphStyles: [
            { id: 'zh1', name: '标题 1', basedOn: 'Normal', run: { bold: true } },
            { id: 'zh2', name: '标题 2', basedOn: 'Normal', run: { bold: true } },
          ],
        },
        sections: [
          {
            children: [
              new Paragraph({ text: '总则', style: 'zh1' }),
              new Paragraph({ text: '适用范围', style: 'zh2' }),
              new Paragraph({ text: '细则', heading: HeadingLevel.HEADING_3 }),
              new Paragraph('正文段落。'),
            ],
          },
        ],
      }),
    );
    const { html, images } = await docxToBody(bytes);
    assert.equal(html, '<h2>总则</h2><h3>适用范围</h3><h4>细则</h4><p>正文段落。</p>');
    assert.deepEqual(images, []);
  });

  test('should keep an image aside with its alternative text and put a placeholder in its place', async () => {
    const image = new ImageRun({
      type: 'png',
      data: PNG,
      transformation: { width: 10, height: 10 },
      altText: { title: '示意图', description: '示意图', name: '示意图' },
    });
    const { html, images } = await docxToBody(
      await docx(new Document({ sections: [{ children: [new Paragraph({ children: [image] })] }] })),
    );
    assert.equal(html, '<p><img alt="示意图" src="word-image:0" /></p>');
    assert.equal(images.length, 1);
    assert.equal(images[0]?.contentType, 'image/png');
    assert.equal(images[0]?.alt, '示意图');
    assert.deepEqual(Buffer.from(images[0]?.content ?? []), PNG);
  });

  test('should refuse text, a damaged ZIP and an old .doc with a Chinese reason', async () => {
    const refused = async (bytes: Uint8Array, message: RegExp) => {
      await assert.rejects(docxToBody(bytes), (e: unknown) => {
        assert.ok(e instanceof DocumentRefused);
        assert.equal(e.reason, 'not_docx');
        assert.match(e.message, message);
        return true;
      });
    };
    await refused(new TextEncoder().encode('纯文本'), /不是有效的Word文档（DOCX）/);
    await refused(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]), /不是有效的Word文档（DOCX）/);
    await refused(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), /旧版Word文档（\.doc）/);
  });
});
