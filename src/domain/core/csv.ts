// A small RFC 4180 CSV reader: quoted fields, doubled quotes, commas and line breaks inside quotes,
// CRLF or LF line ends, a leading BOM. Pure; reports where a malformed quote is.

/** One parsed record with the 1-based line number it starts on. */
export type CsvRecord = { line: number; fields: string[] };

/** A CSV syntax problem. */
export type CsvError = { line: number; message: string };

/**
 * Parses CSV text into records (blank lines are skipped).
 * @returns the records, or the first syntax error
 */
export function parseCsv(text: string): { ok: true; records: CsvRecord[] } | { ok: false; error: CsvError } {
  const src = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < src.length) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        const next = src[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          return { ok: false, error: { line, message: '引号后应为逗号或换行' } };
        }
      } else {
        if (ch === '\n') line += 1;
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      start = line;
    } else field += ch;
    i += 1;
  }
  if (quoted) return { ok: false, error: { line: start, message: '引号未闭合' } };
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}

/** A CSV cell (RFC 4180), with a leading quote on text a spreadsheet would run as a formula. */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as a CSV document with a UTF-8 byte-order mark (so spreadsheet programs read the Chinese), CRLF line ends. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
