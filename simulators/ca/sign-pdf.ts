import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { signDetachedCms, type CmsSigner } from './cms-sign.js';

/** Bytes kept for the CMS in /Contents: a signature with two certificates needs about 1.5 KB. */
const CONTENTS_BYTES = 8192;
const PLACEHOLDER = '**********';
const BYTE_RANGE_AT = /\/ByteRange\s*\[\s*0\s+\/\*{10}\s+\/\*{10}\s+\/\*{10}\s*\]/;

/**
 * A PDF signed as Acrobat signs one (ISO 32000 12.8, SubFilter adbe.pkcs7.detached; PAdES-basic):
 * a signature field whose /Contents holds a detached CMS over every byte of the file except
 * /Contents itself, as named by /ByteRange. pdf-lib writes the field with placeholders; the byte
 * range is then filled in, the two ranges signed, and the CMS written into the gap.
 */
export const signPdf = (pdf: Uint8Array, signer: CmsSigner, signingTime = new Date()) =>
  embedCms(pdf, (signed) => signDetachedCms(signed, signer, signingTime), signingTime);

/**
 * The PDF with a signature field whose /Contents is what `makeCms` returns for the bytes the byte range
 * covers: the signing software's CMS, or (in tests) any CMS a forger holds.
 */
export async function embedCms(
  pdf: Uint8Array,
  makeCms: (signedBytes: Uint8Array) => Promise<Uint8Array>,
  signingTime = new Date(),
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ctx = doc.context;
  const byteRange = PDFArray.withContext(ctx);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(PLACEHOLDER));
  const signature = ctx.register(
    ctx.obj({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'adbe.pkcs7.detached',
      ByteRange: byteRange,
      Contents: PDFHexString.of('0'.repeat(CONTENTS_BYTES * 2)),
      M: PDFString.fromDate(signingTime),
      Reason: PDFString.of('Introduction letter'),
    }),
  );
  const page = doc.getPage(0);
  const widget = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      V: signature,
      T: PDFString.of('Seal'),
      F: 4,
      P: page.ref,
    }),
  );
  page.node.set(PDFName.of('Annots'), ctx.obj([...(page.node.Annots()?.asArray() ?? []), widget]));
  doc.catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: [widget], SigFlags: 3 }));
  const bytes = Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));

  const text = bytes.toString('latin1');
  const rangeMatch = BYTE_RANGE_AT.exec(text);
  if (!rangeMatch) throw new Error('signature placeholder not found');
  const gapStart = text.indexOf(`<${'0'.repeat(CONTENTS_BYTES * 2)}>`);
  if (gapStart < 0) throw new Error('signature contents not found');
  const gapEnd = gapStart + CONTENTS_BYTES * 2 + 2;
  const range = `/ByteRange [0 ${gapStart} ${gapEnd} ${bytes.length - gapEnd}]`;
  bytes.write(range.padEnd(rangeMatch[0].length, ' '), rangeMatch.index, 'latin1');

  const signed = Buffer.concat([bytes.subarray(0, gapStart), bytes.subarray(gapEnd)]);
  const cms = Buffer.from(await makeCms(new Uint8Array(signed))).toString('hex');
  if (cms.length > CONTENTS_BYTES * 2) throw new Error('signature larger than its placeholder');
  bytes.write(cms, gapStart + 1, 'latin1');
  return new Uint8Array(bytes);
}
