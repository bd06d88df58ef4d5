// A Word document made at test time with the `docx` package, as an editor's draft would be: a 标题 1 heading, a
// 标题 2 heading, paragraphs, a table, a bulleted list and one image — what "从Word导入正文" must keep.
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';

/** A 2×2 PNG (red), the document's image. */
export const WORD_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a73000000164944415478da63f8cfc0f01f0418810c' +
    '6018000038f705fb3c4d5d5d0000000049454e44ae426082',
  'hex',
);

/** The texts the sample document holds. */
export const WORD_TEXT = {
  heading: '关于做好2026年河湖管护工作的通知',
  subheading: '一、工作目标',
  paragraph: '各街道办事处、区有关部门：为进一步做好河湖管护工作，现就有关事项通知如下。',
  second: '全年完成河湖“清四乱”整治任务。',
  cell: '责任单位',
  items: ['加强巡河检查', '落实河长责任'],
  imageAlt: '河湖分布示意图',
} as const;

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });

/** The sample document (DOCX bytes). */
export async function sampleWordDocx(): Promise<Buffer> {
  const t = WORD_TEXT;
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [{ level: 0, format: 'bullet', text: '•', alignment: AlignmentType.LEFT }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: t.heading, heading: HeadingLevel.HEADING_1 }),
          new Paragraph(t.paragraph),
          new Paragraph({ text: t.subheading, heading: HeadingLevel.HEADING_2 }),
          new Paragraph(t.second),
          new Table({
            rows: [
              new TableRow({ children: [cell(t.cell), cell('完成时限')] }),
              new TableRow({ children: [cell('区水务局'), cell('2026年12月')] }),
            ],
          }),
          ...t.items.map((text) => new Paragraph({ text, numbering: { reference: 'bullets', level: 0 } })),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: WORD_PNG,
                transformation: { width: 40, height: 40 },
                altText: { title: t.imageAlt, description: t.imageAlt, name: t.imageAlt },
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
