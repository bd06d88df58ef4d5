// The CJK font the PDF report embeds (docs/decisions/0009-report-documents.md): Debian's
// fonts-noto-cjk TTC by default, which pdfmake opens as `[ttcFile, 'NotoSansCJKsc-Regular']`. A
// collection holds several faces, so the Simplified-Chinese face is found by reading the PostScript
// names (name ID 6) of the faces from the TTC header (OpenType spec: 'ttcf' header, table directory,
// 'name' table).
import { closeSync, existsSync, openSync, readSync } from 'node:fs';

/** Known locations of CJK fonts, most suitable first: Noto Sans CJK (Debian/Ubuntu, Arch, Fedora), then WenQuanYi. */
export const CJK_FONT_PATHS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
] as const;

/** The first existing file of `candidates` (default {@link CJK_FONT_PATHS}), or null. */
export function findCjkFont(candidates: readonly string[] = CJK_FONT_PATHS): string | null {
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** A font as pdfkit opens it: a file, and for a collection the PostScript name of the face. */
export type FontFace = { file: string; face: string | null };

/** The regular and bold faces to embed. */
export type ReportFonts = { normal: FontFace; bold: FontFace };

/**
 * Chooses the faces: `fontFile` if given, else the first installed of `candidates`; bold from the
 * sibling `…-Bold` file when one exists (Noto), else the regular face.
 * @throws Error (Chinese) when no font is installed or the file is missing or unreadable
 */
export function reportFonts(fontFile?: string, candidates: readonly string[] = CJK_FONT_PATHS): ReportFonts {
  const file = fontFile ?? findCjkFont(candidates);
  if (file === null) {
    throw new Error(
      '未找到中文字体，无法生成 PDF：请安装 fonts-noto-cjk 软件包（apt-get install fonts-noto-cjk），或指定字体文件',
    );
  }
  if (!existsSync(file)) throw new Error(`字体文件不存在：${file}`);
  const normal = faceOf(file);
  const boldFile = file.replace(/Regular(\.tt[cf]|\.otf)$/i, 'Bold$1');
  const bold = boldFile !== file && existsSync(boldFile) ? faceOf(boldFile) : normal;
  return { normal, bold };
}

function faceOf(file: string): FontFace {
  const names = collectionFaceNames(file);
  if (names === null) return { file, face: null };
  const face = preferredFace(names);
  if (face === null) throw new Error(`字体文件中没有可用的字体：${file}`);
  return { file, face };
}

/** Simplified Chinese first (`…CJKsc-…`, `…SC-…`), proportional before monospaced, else the first face. */
export function preferredFace(names: readonly string[]): string | null {
  const proportional = names.filter((n) => !/mono/i.test(n));
  return proportional.find((n) => /sc(-|$)/i.test(n)) ?? proportional[0] ?? names[0] ?? null;
}

/**
 * The PostScript names of the faces of a font collection (.ttc/.otc), in order; null when the
 * file is a single font.
 * @throws Error (Chinese) when the file cannot be read as a font
 */
export function collectionFaceNames(file: string): string[] | null {
  const fd = openSync(file, 'r');
  try {
    const read = (offset: number, length: number): Buffer => {
      const buf = Buffer.alloc(length);
      const got = readSync(fd, buf, 0, length, offset);
      if (got < length) throw new Error(`字体文件已损坏或不是字体：${file}`);
      return buf;
    };
    const header = read(0, 12);
    if (header.toString('latin1', 0, 4) !== 'ttcf') return null;
    const count = header.readUInt32BE(8);
    const offsets = read(12, 4 * count);
    const names: string[] = [];
    for (let i = 0; i < count; i++) names.push(postScriptName(read, offsets.readUInt32BE(4 * i)) ?? '');
    return names.filter((n) => n !== '');
  } finally {
    closeSync(fd);
  }
}

/** Name ID 6 of the face whose table directory starts at `at` (Windows Unicode record, else Mac Roman). */
function postScriptName(read: (offset: number, length: number) => Buffer, at: number): string | null {
  const numTables = read(at + 4, 2).readUInt16BE(0);
  const dir = read(at + 12, 16 * numTables);
  let nameAt = -1;
  for (let t = 0; t < numTables; t++) {
    if (dir.toString('latin1', 16 * t, 16 * t + 4) === 'name') nameAt = dir.readUInt32BE(16 * t + 8);
  }
  if (nameAt < 0) return null;
  const head = read(nameAt, 6);
  const count = head.readUInt16BE(2);
  const strings = nameAt + head.readUInt16BE(4);
  const records = read(nameAt + 6, 12 * count);
  let mac: string | null = null;
  for (let r = 0; r < count; r++) {
    const [platform, , , nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((o) => records.readUInt16BE(12 * r + o)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (nameId !== 6) continue;
    const bytes = read(strings + offset, length);
    if (platform === 3 || platform === 0) return bytes.swap16().toString('utf16le');
    mac ??= bytes.toString('latin1');
  }
  return mac;
}
