// The part of pdfmake 0.3's server API (js/index.js) the PDF report and notices use, typed here rather than
// through @types/pdfmake: its `/// <reference lib="dom" />` adds the DOM library to the whole
// program and breaks Node's Blob/fetch typings elsewhere (docs/decisions/0009-report-documents.md).
import { createRequire } from 'node:module';

/** A font source: a file path, or `[collectionFile, postScriptName]` for a face of a .ttc. */
export type PdfFontSource = string | [string, string];

export type PdfFontFamily = {
  normal: PdfFontSource;
  bold: PdfFontSource;
  italics: PdfFontSource;
  bolditalics: PdfFontSource;
};

export type PdfAlignment = 'left' | 'center' | 'right' | 'justify';

export type PdfStyle = {
  font?: string;
  fontSize?: number;
  bold?: boolean;
  lineHeight?: number;
  alignment?: PdfAlignment;
  leadingIndent?: number;
  color?: string;
  margin?: [number, number, number, number];
};

export type PdfTableCell = {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  alignment?: PdfAlignment;
  fillColor?: string;
};

export type PdfContent =
  | (PdfStyle & { text: string; style?: string | string[]; headlineLevel?: number; id?: string })
  | (PdfStyle & {
      table: { headerRows: number; dontBreakRows: boolean; widths: number[]; body: PdfTableCell[][] };
      layout: {
        paddingLeft: () => number;
        paddingRight: () => number;
        paddingTop: () => number;
        paddingBottom: () => number;
      };
    })
  | (PdfStyle & { svg: string; width: number })
  | (PdfStyle & { stack: PdfContent[]; unbreakable?: boolean });

/** What pdfmake tells `pageBreakBefore` about a laid-out node. */
export type PdfNodeInfo = {
  id?: string;
  headlineLevel?: number;
  table?: unknown;
  pageNumbers: number[];
  startPosition: { verticalRatio: number };
};

export type PdfDocumentDefinition = {
  pageSize: 'A4';
  pageMargins: [number, number, number, number];
  language: string;
  info: { title: string; author?: string; subject: string; creator: string };
  content: PdfContent[];
  footer: (page: number, pages: number) => PdfContent;
  pageBreakBefore?: (node: PdfNodeInfo, nodes: { getFollowingNodesOnPage(): PdfNodeInfo[] }) => boolean;
  defaultStyle: PdfStyle;
  styles: Record<string, PdfStyle>;
};

export type PdfMake = {
  setFonts(fonts: Record<string, PdfFontFamily>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(definition: PdfDocumentDefinition): { getBuffer(): Promise<Buffer> };
};

let loaded: PdfMake | undefined;

/** pdfmake's server singleton (CommonJS), loaded on the first PDF: it takes about a second to load. */
export function loadPdfmake(): PdfMake {
  return (loaded ??= createRequire(import.meta.url)('pdfmake') as PdfMake);
}
