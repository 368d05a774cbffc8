import * as asn1js from 'asn1js';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber } from 'pdf-lib';

export interface PdfSignature {
  /** The CMS (DER) from the signature's /Contents. */
  cms: Uint8Array;
  /** The bytes the signature covers: the whole file but /Contents. */
  signedBytes: Uint8Array;
}

/** The signature dictionaries of a PDF: /Type /Sig (or a dictionary with /ByteRange and /Contents). */
function signatureDicts(doc: PDFDocument): PDFDict[] {
  return doc.context
    .enumerateIndirectObjects()
    .map(([, obj]) => obj)
    .filter(
      (obj): obj is PDFDict =>
        obj instanceof PDFDict &&
        obj.get(PDFName.of('ByteRange')) instanceof PDFArray &&
        obj.get(PDFName.of('Contents')) instanceof PDFHexString,
    );
}

/**
 * The embedded signature that covers the whole file (ISO 32000 12.8.1), or null when the PDF has none.
 * A signature whose byte range leaves bytes out (added after signing) or does not frame its own
 * /Contents exactly does not cover the file: that is reported as `uncovered`, never as valid.
 */
export async function extractPdfSignature(pdf: Uint8Array): Promise<PdfSignature | 'uncovered' | null> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    return null;
  }
  const dicts = signatureDicts(doc);
  if (dicts.length === 0) return null;
  for (const dict of dicts) {
    const range = (dict.get(PDFName.of('ByteRange')) as PDFArray)
      .asArray()
      .map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
    const [a, b, c, d] = range;
    if (range.length !== 4 || a !== 0 || !(b! > 0 && c! > b! && c! + d! === pdf.length)) continue;
    const gap = Buffer.from(pdf.subarray(b, c)).toString('latin1');
    if (!/^<[0-9a-fA-F]*>$/.test(gap)) continue;
    const contents = Buffer.from(gap.slice(1, -1), 'hex');
    // /Contents is padded with zeros after the DER; its own length says where it ends.
    const parsed = asn1js.fromBER(new Uint8Array(contents).slice().buffer);
    if (parsed.offset <= 0) continue;
    return {
      cms: new Uint8Array(contents.subarray(0, parsed.offset)),
      signedBytes: new Uint8Array(Buffer.concat([pdf.subarray(0, b), pdf.subarray(c)])),
    };
  }
  return 'uncovered';
}
