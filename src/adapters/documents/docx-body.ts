// A Word document (DOCX) as the body (正文) of a publication: mammoth's HTML with Word's heading styles mapped
// below the page's own h1 (标题 1 / Heading 1 → h2, 标题 2 → h3 …), paragraphs, tables and lists, and each image
// kept aside (its bytes, declared type and alternative text) with an `<img src="word-image:N">` in its place —
// never a data: URI. Run in the parsing process (document-worker.ts) under the document limits; the caller
// sanitises the HTML and stores the images.
import type { WordBody, WordImage } from '../../app/publications/ports.js';
import { DocumentRefused } from '../../app/documents/ports.js';
import { MAX_ATTACHMENT_BYTES } from '../../domain/publications/attachments.js';
import { type DocumentLimits, documentLimits, refuse } from './document-limits.js';
import { docxToHtml, loadMammoth } from './read-document.js';
import { isZip } from './zip-budget.js';

/** The placeholder address of image `n` in the HTML read (`word-image:0`, …). */
export const wordImageSrc = (n: number): string => `word-image:${n}`;

/** Word's built-in heading styles (by name, as Word and WPS write them, and by style id) and their level. */
const HEADINGS: [names: string[], tag: string][] = [
  [['heading 1', '标题 1', '标题1', 'Title', '标题'], 'h2'],
  [['heading 2', '标题 2', '标题2', 'Subtitle', '副标题'], 'h3'],
  [['heading 3', '标题 3', '标题3'], 'h4'],
  [['heading 4', '标题 4', '标题4'], 'h5'],
  [['heading 5', '标题 5', '标题5', 'heading 6', '标题 6', '标题6'], 'h6'],
];

/** mammoth's style map: the headings one level down (the page's title is its h1). */
export const WORD_STYLE_MAP: string[] = HEADINGS.flatMap(([names, tag]) => [
  ...names.map((name) => `p[style-name='${name}'] => ${tag}:fresh`),
  ...names.filter((n) => /^heading \d$/.test(n)).map((n) => `p.Heading${n.slice(-1)} => ${tag}:fresh`),
]);

/** The image types a page shows (and attachments accept), as mammoth declares them from the part's name. */
const WEB_IMAGE = /^image\/(png|jpeg|gif)$/;

/** The OLE compound file of a Word 97–2003 document (.doc). */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Reads a DOCX into its body; the ZIP's directory and entries are checked against the limits first.
 * @throws DocumentRefused past a limit, or 'not_docx' for anything that is not a readable DOCX
 */
export async function docxToBody(bytes: Uint8Array, limits: DocumentLimits = documentLimits()): Promise<WordBody> {
  if (!isZip(bytes)) throw OLE.every((b, i) => bytes[i] === b) ? refuse.oldDoc() : refuse.notDocx();
  const images: WordImage[] = [];
  const lib = await loadMammoth();
  let html: string;
  try {
    html = await docxToHtml(bytes, limits, {
      styleMap: WORD_STYLE_MAP,
      includeEmbeddedStyleMap: false,
      externalFileAccess: false,
      convertImage: lib.images.imgElement(async (image) => {
        const read = new Uint8Array(await image.read());
        // Only what can be kept is sent back (the caller sniffs it again): no bytes of another format or too large.
        const kept = WEB_IMAGE.test(image.contentType) && read.byteLength <= MAX_ATTACHMENT_BYTES;
        const content = kept ? read : new Uint8Array(0);
        const alt = (image as unknown as { altText?: string }).altText ?? '';
        return { src: wordImageSrc(images.push({ contentType: image.contentType, content, alt }) - 1) };
      }),
    });
  } catch (e) {
    if (e instanceof DocumentRefused) throw e;
    throw refuse.notDocx();
  }
  if (html.length > limits.maxTextChars) throw refuse.text(limits);
  return { html, images };
}
