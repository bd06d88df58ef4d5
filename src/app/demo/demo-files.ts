// Small generated attachments for the demo district's publications: a one-page PDF (ISO 32000-1) whose page
// says it is demo data. Built byte by byte so that no document library is needed (app/ uses no adapter).

/** The PDF's lines (ASCII: the standard Helvetica font has no Chinese glyphs). */
const LINES = ['gongkai demo attachment', 'SAMPLE DATA - fictional content, of no legal effect.'];

/** Escapes a PDF literal string. */
const literal = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`);

/**
 * A valid one-page PDF 1.4 with the demo lines and `label` (ASCII) on it, its cross-reference table pointing at
 * each object's byte offset.
 */
export function demoPdf(label: string): Uint8Array {
  const text = [...LINES, label.replace(/[^\x20-\x7e]/g, '?')]
    .map((line, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 24} Td (${literal(line)}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
