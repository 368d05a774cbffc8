import { PDFDocument, StandardFonts } from 'pdf-lib';
import { signDetachedCms, type CmsSigner } from './cms-sign.js';
import { signPdf } from './sign-pdf.js';

/** A one-page stand-in for an introduction letter (Latin text: the standard fonts have no Persian glyphs). */
export async function testLetterPdf(
  title = 'Introduction letter of the agency representative (test)',
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText(title, { x: 50, y: 780, size: 14, font });
  page.drawText(`Issued by the test CA simulator at ${new Date().toISOString()}`, { x: 50, y: 750, size: 10, font });
  return doc.save({ useObjectStreams: false });
}

export type LetterFormat = 'embedded' | 'detached';

/** The letter signed as an applicant would upload it: one signed PDF, or the PDF and its `.p7s`. */
export async function signLetter(pdf: Uint8Array, signer: CmsSigner, format: LetterFormat, signingTime = new Date()) {
  if (format === 'embedded') return { pdf: await signPdf(pdf, signer, signingTime), signature: null };
  return { pdf, signature: await signDetachedCms(pdf, signer, signingTime) };
}
