// Hostile documents for the security tests, made at test time (nothing large is committed): ZIP-based bombs
// (DOCX, XLSX, many entries) written by hand so that their directory may tell the truth or lie, and a PDF whose
// one content stream inflates to 100 MB. Repeated bytes deflate about 1000:1, streamed through zlib so that the
// uncompressed content never exists in memory.
import { crc32, createDeflate, createDeflateRaw } from 'node:zlib';

const MB = 1024 * 1024;

/** One ZIP entry: its stored (deflated) bytes and what its records declare. */
type Entry = { name: string; data: Buffer; method: 0 | 8; crc: number; size: number };

/**
 * Deflates `repeat` copies of `unit` (plus a head and a tail) as a stream; never holds the whole. A function
 * `unit` gives the i-th copy (numbered rows), written a megabyte at a time.
 */
async function deflated(
  head: string,
  unit: string | ((i: number) => string),
  repeat: number,
  tail: string,
  zlibWrapped = false,
): Promise<{ data: Buffer; crc: number; size: number }> {
  const z = zlibWrapped ? createDeflate({ level: 9 }) : createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise((r) => z.on('end', r));
  const text = typeof unit === 'string' ? unit : '';
  const block = Buffer.from(text.repeat(Math.max(1, Math.floor((1 * MB) / Math.max(1, text.length)))));
  const perBlock = block.length / Math.max(1, text.length);
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer): Promise<void> => {
    crc = crc32(b, crc);
    size += b.length;
    if (!z.write(b)) await new Promise((r) => z.once('drain', r));
  };
  await write(Buffer.from(head));
  if (typeof unit === 'function') {
    for (let i = 0, parts: string[] = []; i < repeat; i++) {
      parts.push(unit(i));
      if (parts.length === 10_000 || i === repeat - 1) await write(Buffer.from(parts.splice(0).join('')));
    }
  } else {
    let left = repeat;
    for (; left >= perBlock; left -= perBlock) await write(block);
    if (left > 0) await write(Buffer.from(unit.repeat(left)));
  }
  await write(Buffer.from(tail));
  z.end();
  await ended;
  return { data: Buffer.concat(out), crc, size };
}

const stored = (name: string, text: string): Entry => {
  const data = Buffer.from(text);
  return { name, data, method: 0, crc: crc32(data), size: data.length };
};

/** A local or central header: the fields they share sit at `at` (4 in a local header, 6 in a central one). */
function header(signature: number, length: number, at: number, e: Entry, size: number, nameLength: number): Buffer {
  const b = Buffer.alloc(length);
  b.writeUInt32LE(signature, 0);
  b.writeUInt16LE(20, at);
  b.writeUInt16LE(0x0800, at + 2);
  b.writeUInt16LE(e.method, at + 4);
  b.writeUInt32LE(e.crc >>> 0, at + 10);
  b.writeUInt32LE(e.data.length, at + 14);
  b.writeUInt32LE(size, at + 18);
  b.writeUInt16LE(nameLength, at + 22);
  return b;
}

/**
 * A ZIP of the entries (ZIP64 end records when there are more than 65,534), each declaring its size — or, with
 * `lie`, declaring that many bytes instead.
 */
function zip(entries: readonly Entry[], lie?: number): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = lie ?? e.size;
    const local = header(0x04034b50, 30, 4, e, size, name.length);
    locals.push(local, name, e.data);
    const cd = header(0x02014b50, 46, 6, e, size, name.length);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + e.data.length;
  }
  const cdBytes = Buffer.concat(central);
  const tail: Buffer[] = [];
  const many = entries.length > 0xfffe;
  if (many) {
    const z = Buffer.alloc(56);
    z.writeUInt32LE(0x06064b50, 0);
    z.writeBigUInt64LE(44n, 4);
    z.writeUInt16LE(45, 12);
    z.writeUInt16LE(45, 14);
    z.writeBigUInt64LE(BigInt(entries.length), 24);
    z.writeBigUInt64LE(BigInt(entries.length), 32);
    z.writeBigUInt64LE(BigInt(cdBytes.length), 40);
    z.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cdBytes.length), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(z, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(many ? 0xffff : entries.length, 8);
  end.writeUInt16LE(many ? 0xffff : entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBytes, ...tail, end]);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A DOCX whose word/document.xml inflates to `mb` MB (one paragraph of repeated text) from about a thousandth of
 * that; `lie` makes its directory declare tiny sizes, so that only inflating finds out.
 */
export async function docxBomb(mb = 400, opts: { lie?: boolean } = {}): Promise<Buffer> {
  const head = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>`;
  const body = await deflated(head, 'AAAAAAAA', (mb * MB) / 8, '</w:t></w:r></w:p></w:body></w:document>');
  return zip(
    [
      stored(
        '[Content_Types].xml',
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      stored(
        '_rels/.rels',
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${OFFICE_REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
      { name: 'word/document.xml', method: 8, ...body },
    ],
    opts.lie ? 4096 : undefined,
  );
}

/** An XLSX of one sheet of `rows` numbered one-cell rows (3 million: about 15 MB); `lie` as for {@link docxBomb}. */
export async function xlsxBomb(rows = 3_000_000, opts: { lie?: boolean } = {}): Promise<Buffer> {
  const sheet = await deflated(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
    (i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`,
    rows,
    '</sheetData></worksheet>',
  );
  return zip(
    [
      stored(
        '[Content_Types].xml',
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
      stored(
        '_rels/.rels',
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${OFFICE_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      stored(
        'xl/workbook.xml',
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${OFFICE_REL}"><sheets><sheet name="重点领域" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      stored(
        'xl/_rels/workbook.xml.rels',
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${OFFICE_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      { name: 'xl/worksheets/sheet1.xml', method: 8, ...sheet },
    ],
    opts.lie ? 4096 : undefined,
  );
}

/** A ZIP of `count` empty entries (ZIP64 end records past 65,534), named like a DOCX or an XLSX by the caller. */
export function manyEntriesZip(count = 100_000): Buffer {
  const empty = Buffer.alloc(0);
  return zip(Array.from({ length: count }, (_, i) => ({ name: `${i}`, data: empty, method: 0, crc: 0, size: 0 })));
}

/** A one-page PDF whose content stream (FlateDecode) inflates to `mb` MB of text-drawing operators. */
export async function pdfBomb(mb = 100): Promise<Buffer> {
  const op = 'BT /F1 12 Tf 72 712 Td (A) Tj ET\n';
  const stream = await deflated('', op, Math.floor((mb * MB) / op.length), '', true);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]?.length ?? 0;
  const push = (b: Buffer): void => {
    parts.push(b);
    at += b.length;
  };
  objects.forEach((body, i) => {
    offsets.push(at);
    if (body !== null) push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
    else {
      push(Buffer.from(`${i + 1} 0 obj\n<< /Length ${stream.data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'));
      push(stream.data);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  });
  const xref = at;
  const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}
