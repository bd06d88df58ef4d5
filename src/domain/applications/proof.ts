// Identity-proof uploads (art. 29 para 2 item 1: 身份证明): accepted types, checked by content, not by name.

/** Largest accepted proof file (a phone photo of an ID card or a scanned PDF). */
export const MAX_PROOF_BYTES = 5 * 1024 * 1024;

/** Accepted content types and their magic numbers. */
const SIGNATURES: { mime: string; bytes: number[] }[] = [
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/**
 * Checks an uploaded identity proof.
 * @returns the content type found, or a Chinese error
 */
export function checkProof(
  content: Uint8Array,
  fileName: string,
): { ok: true; mime: string } | { ok: false; error: string } {
  if (content.byteLength === 0) {
    return { ok: false, error: '上传的身份证明文件是空的' };
  }
  if (content.byteLength > MAX_PROOF_BYTES) {
    return { ok: false, error: `身份证明文件不能超过${MAX_PROOF_BYTES / 1024 / 1024}MB` };
  }
  const found = SIGNATURES.find((s) => s.bytes.every((b, i) => content[i] === b));
  if (!found) {
    return { ok: false, error: `文件“${fileName}”不是 JPG、PNG 图片或 PDF 文件，请上传身份证件的照片或扫描件` };
  }
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const expected: Record<string, string[]> = {
    'image/png': ['png'],
    'image/jpeg': ['jpg', 'jpeg'],
    'application/pdf': ['pdf'],
  };
  if (ext && !(expected[found.mime] ?? []).includes(ext)) {
    return { ok: false, error: `文件“${fileName}”的扩展名与内容不符（内容为 ${found.mime}）` };
  }
  return { ok: true, mime: found.mime };
}
