// Adapters of the composition root that load their module on first use: the office-document libraries (docx,
// exceljs, pdfmake, mammoth, unpdf) take from a tenth of a second to a second to load, argon2 and nodemailer
// less, and most runs (a CLI command, a server answering pages) need few or none of them. Used by src/main.ts
// and, for the commands that open no database, by src/cli-main.ts.
import type { Mailer } from './app/ports.js';
import type { LetterRenderer } from './app/monitoring/ports.js';
import type { DocumentRenderer } from './app/applications/ports.js';
import type { PasswordHasher } from './app/auth/ports.js';
import type { DocumentReader, ReportDocumentRenderers, ReportSummaryXlsx } from './app/reports/ports.js';
import type { CatalogueSheetIO } from './app/standard-catalogue/ports.js';
import type { WordBodyReader } from './app/publications/ports.js';
import type { IntegrityContext } from './app/monitoring/integrity.js';
import type { DocumentLimits } from './adapters/documents/document-limits.js';
import type { SiteCheckPorts } from './app/monitoring/crawl-ports.js';
import type { WebsiteReportDocuments } from './app/website-report/ports.js';
import type { AssessmentDocumentRenderers } from './app/assessment/export.js';

/** Runs `load` on the first call only; every call gets its promise. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

const reportDocx = once(() => import('./adapters/documents/report-docx.js'));
const reportXlsx = once(() => import('./adapters/documents/report-xlsx.js'));
const reportPdf = once(() => import('./adapters/documents/report-pdf.js'));
const reportSummaryXlsx = once(() => import('./adapters/documents/report-summary-xlsx.js'));
const readDocument = once(() => import('./adapters/documents/read-document.js'));
const documentSandbox = once(() => import('./adapters/documents/document-sandbox.js'));
const documentLimits = once(() => import('./adapters/documents/document-limits.js'));
const catalogueXlsx = once(() => import('./adapters/documents/catalogue-xlsx.js'));
const noticeDocx = once(() => import('./adapters/documents/notice-docx.js'));
const noticePdf = once(() => import('./adapters/documents/notice-pdf.js'));
const websiteReportXlsx = once(() => import('./adapters/documents/website-report-xlsx.js'));
const websiteReportPdf = once(() => import('./adapters/documents/website-report-pdf.js'));

/** The 政府网站工作年度报表 as XLSX and PDF. */
export const websiteReportDocuments: WebsiteReportDocuments = {
  xlsx: async (doc) => (await websiteReportXlsx()).renderWebsiteReportXlsx(doc),
  pdf: async (doc) => (await websiteReportPdf()).renderWebsiteReportPdf(doc),
};
const assessmentXlsx = once(() => import('./adapters/documents/assessment-xlsx.js'));
const assessmentPdf = once(() => import('./adapters/documents/assessment-pdf.js'));

/** The annual report as DOCX, XLSX and PDF. */
export const reportDocumentRenderers: ReportDocumentRenderers = {
  docx: async (...args) => (await reportDocx()).renderReportDocx(...args),
  xlsx: async (...args) => (await reportXlsx()).renderReportXlsx(...args),
  pdf: async (...args) => (await reportPdf()).renderReportPdf(...args),
};

/** The assessment's result table as XLSX and PDF. */
export const assessmentDocumentRenderers: AssessmentDocumentRenderers = {
  xlsx: async (doc) => (await assessmentXlsx()).renderAssessmentXlsx(doc),
  pdf: async (doc) => (await assessmentPdf()).renderAssessmentPdf(doc),
};

/** The batch audit of `report check` as a workbook (`--summary-xlsx`). */
export const reportSummaryWorkbook: ReportSummaryXlsx = async (summary) =>
  (await reportSummaryXlsx()).renderReportSummaryXlsx(summary);

/**
 * The readers of untrusted documents: text of a report document (TXT, HTML, DOCX, PDF), standard-catalogue
 * workbooks (XLSX, written in process: gongkai's own data) and a Word document as a publication's body. Every
 * read runs in one parsing process under the limits (docs/security/documents.md), started on the first document.
 */
export function documentReaders(limits: Partial<DocumentLimits> = {}): {
  documentReader: DocumentReader;
  catalogueSheets: CatalogueSheetIO;
  wordBody: WordBodyReader;
} {
  const readers = once(async () => {
    const { DocumentSandbox, sandboxedReaders } = await documentSandbox();
    return sandboxedReaders(new DocumentSandbox((await documentLimits()).documentLimits(limits)));
  });
  return {
    documentReader: async (...args) => (await readers()).documentReader(...args),
    catalogueSheets: {
      read: async (...args) => (await readers()).readSheets(...args),
      write: async (...args) => (await catalogueXlsx()).catalogueSheetIO.write(...args),
    },
    wordBody: async (...args) => (await readers()).wordBody(...args),
  };
}

/** The extensions of the documents a document reader reads (for checking a folder). */
export const reportExtensions = async (): Promise<readonly string[]> => (await readDocument()).REPORT_EXTENSIONS;

/** The notice (告知书) DOCX, with the seal image when there is one, and PDF. */
export const noticeRenderer: DocumentRenderer = {
  noticeDocx: async (doc, seal) => (await noticeDocx()).renderNoticeDocx(doc, seal ? { seal } : {}),
  noticePdf: async (doc) => (await noticePdf()).renderNoticePdf(doc),
};

/**
 * The 提醒函 DOCX: the notice writer's GB/T 9704 layout (title, 发文字号, addressee, paragraphs, signature and date).
 * The writer reads only those parts; the notice kind and template it also carries are fillers, and no seal is printed.
 */
export const monitorLetterRenderer: LetterRenderer = {
  letterDocx: async (doc) =>
    (await noticeDocx()).renderNoticeDocx({
      ...doc,
      kind: 'acknowledgement',
      templateKey: 'acknowledgement',
      outcome: null,
      seal: { imageRef: null },
    }),
};

const argon2 = once(async () => (await import('./adapters/security/argon2-hasher.js')).argon2Hasher());

/** Argon2id password hashes. */
export const passwordHasher: PasswordHasher = {
  hash: async (...args) => (await argon2()).hash(...args),
  verify: async (...args) => (await argon2()).verify(...args),
};

/** Delivery through the SMTP server at `url` (one transport, made on the first message). */
export function smtpMailerOnFirstUse(url: string, from: string): Mailer {
  const mailer = once(async () => (await import('./adapters/mail/smtp-mailer.js')).smtpMailer(url, from));
  return { send: async (m) => (await mailer()).send(m) };
}

/** HTTP and the publication-page reader of the portal integrity check (`monitor integrity`), loaded on first use. */
export async function integrityAdapters(): Promise<Pick<IntegrityContext, 'integrityFetch' | 'integrityPage'>> {
  const [{ httpFetch }, { readIntegrityPage }] = await Promise.all([
    import('./adapters/http-fetch/http-fetch.js'),
    import('./adapters/http-fetch/integrity-page.js'),
  ]);
  return { integrityFetch: httpFetch(), integrityPage: readIntegrityPage };
}

const crawler = once(() => import('./adapters/crawler/http-crawler.js'));

/**
 * The ports of the website check: the crawler (loaded on the first crawl) and the attachments read by the guarded
 * document parser (PDF, DOCX, HTML, text through `documentReader`; XLSX through the sandboxed sheet reader).
 */
export function siteCheckPorts(
  readers: Pick<ReturnType<typeof documentReaders>, 'documentReader' | 'catalogueSheets'>,
): {
  crawler: SiteCheckPorts['crawler'];
  readAttachment: SiteCheckPorts['readAttachment'];
  attachmentExtensions: readonly string[];
} {
  return {
    crawler: (options) => {
      // The crawler module loads at the first fetch, so that building the ports loads nothing.
      const session = once(async () => (await crawler()).httpCrawler()(options));
      let opened = false;
      return {
        fetch: async (url, want) => {
          opened = true;
          return (await session()).fetch(url, want);
        },
        close: async () => {
          if (opened) await (await session()).close();
        },
      };
    },
    readAttachment: async (name, bytes) => {
      if (!name.toLowerCase().endsWith('.xlsx')) return readers.documentReader(name, bytes);
      const { sheets } = await readers.catalogueSheets.read(bytes);
      return sheets.map((s) => s.rows.map((r) => r.join('\t')).join('\n')).join('\n');
    },
    attachmentExtensions: ['.pdf', '.docx', '.xlsx', '.txt'],
  };
}
