// Attachments of a publication: the types accepted (PDF, DOCX, XLSX and images), what a file's first
// bytes say it is (the declared type is never trusted), its size limit, and how a type and a size read.

/** The accepted types: their label on the portal and their file extension (the archive package). */
export const ATTACHMENT_TYPES = {
  'application/pdf': { label: 'PDF', ext: '.pdf' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'DOCX', ext: '.docx' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'XLSX', ext: '.xlsx' },
  'image/png': { label: 'PNG', ext: '.png' },
  'image/jpeg': { label: 'JPG', ext: '.jpg' },
  'image/gif': { label: 'GIF', ext: '.gif' },
} as const satisfies Record<string, { label: string; ext: string }>;

/** One accepted type. */
export type AttachmentMime = keyof typeof ATTACHMENT_TYPES;

/** The accepted types' MIME names. */
export const ATTACHMENT_MIMES = Object.keys(ATTACHMENT_TYPES) as readonly AttachmentMime[];

/** Largest attachment, bytes (20 MB). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Whether a MIME name is an accepted type. */
export const isAttachmentMime = (mime: string): mime is AttachmentMime => Object.hasOwn(ATTACHMENT_TYPES, mime);

/**
 * What a file's first bytes say it is; ZIP containers (DOCX, XLSX) by their extension.
 * @returns an accepted type, or `application/octet-stream` for anything without an accepted signature
 */
export function sniffAttachmentType(name: string, bytes: Uint8Array): string {
  const head = (n: number) => [...bytes.subarray(0, n)].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (head(4) === '25504446') return 'application/pdf';
  if (head(8) === '89504e470d0a1a0a') return 'image/png';
  if (head(3) === 'ffd8ff') return 'image/jpeg';
  if (head(4) === '47494638') return 'image/gif';
  if (head(4) === '504b0304') {
    if (/\.docx$/i.test(name)) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (/\.xlsx$/i.test(name)) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return 'application/zip';
  }
  return 'application/octet-stream';
}

/** A type as people read it: `PDF`, `DOCX`…, the MIME name itself for anything else. */
export const attachmentTypeLabel = (mime: string): string =>
  isAttachmentMime(mime) ? ATTACHMENT_TYPES[mime].label : mime;

/** A byte count as KB (at least 1) or MB with one decimal. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)}MB` : `${Math.max(1, Math.round(bytes / 1024))}KB`;
}
