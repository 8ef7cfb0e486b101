// Reads a PDF back with Mozilla's pdf.js (independent of pdfkit, which wrote it).
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string; width: number; height: number }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  let text = "";
  const first = await pdf.getPage(1);
  const [, , width, height] = first.view as [number, number, number, number];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text += content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
  }
  await pdf.destroy();
  return { pages: pdf.numPages, text, width, height };
}
