import PDFDocument from "pdfkit";
import { FONTS } from "./fonts.js";

export interface A4 {
  readonly doc: PDFKit.PDFDocument;
  /** Width between the margins. */
  readonly width: number;
  /** Ends the document and resolves with its bytes. */
  finish(): Promise<Buffer>;
}

/** An A4 document with our fonts registered as "regular", "bold" and "title", collected into memory. */
export function a4Document(options: {
  margins: { top: number; bottom: number; left: number; right: number };
  info: PDFKit.DocumentInfo;
}): A4 {
  const doc = new PDFDocument({ size: "A4", margins: options.margins, info: { Creator: "Kualik", ...options.info } });
  doc.registerFont("regular", FONTS.regular);
  doc.registerFont("bold", FONTS.bold);
  doc.registerFont("title", FONTS.serifBold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return {
    doc,
    width: doc.page.width - options.margins.left - options.margins.right,
    finish: () => {
      doc.end();
      return finished;
    },
  };
}
