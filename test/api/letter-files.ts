import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';

/** Letters as applicants' machines make them, good and bad, for the upload tests. */

/** What file-type reads as a PDF and no viewer opens: a catalogue with no page tree ("Failed to load PDF document"). */
export const pdfWithoutPages = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** A one-page PDF whose trailer names the standard security handler: a password-protected letter. */
export const encryptedPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n' +
    '4 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>\nendobj\ntrailer\n<< /Root 1 0 R /Encrypt 4 0 R >>\n%%EOF\n',
);

/** A PDF of blank A4 pages, written by pdf-lib (cross-reference and object streams, as PDF 1.5+ writers do). */
export async function pdfOfPages(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]);
  return Buffer.from(await doc.save());
}

const png = (width = 8, height = 8) => PNG.sync.write(new PNG({ width, height }));

/** A PNG cut short in its image data, as an interrupted download leaves it. */
export function truncatedPng(): Buffer {
  const whole = png(64, 64);
  return whole.subarray(0, whole.length - 24);
}

/** A PNG header that claims 100 000 × 100 000 pixels: 40 GB once decoded. */
export function hugePngHeader(): Buffer {
  const whole = png(1, 1);
  whole.writeUInt32BE(100_000, 16);
  whole.writeUInt32BE(100_000, 20);
  return whole;
}

/**
 * The smallest baseline JPEG we can write by hand (ITU-T T.81): one 8×8 grey block. Quantisation all
 * ones; one DC and one AC Huffman table with a single 1-bit code each (DC difference 0, end of block),
 * so the scan is the bits 00, padded with ones: 0x3F.
 */
export function jpeg8x8(): Buffer {
  const segment = (marker: number, body: number[]) => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];
  const oneCodeTable = (classAndId: number) => segment(0xc4, [classAndId, 1, ...new Array(15).fill(0), 0x00]);
  return Buffer.from([
    0xff,
    0xd8,
    ...segment(0xdb, [0x00, ...new Array(64).fill(1)]),
    ...segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]),
    ...oneCodeTable(0x00),
    ...oneCodeTable(0x10),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    0x3f,
    0xff,
    0xd9,
  ]);
}

/** Begins like a JPEG (SOI and a JFIF header) and is nothing after it. */
export const jpegHeaderOnly = () =>
  Buffer.concat([
    jpeg8x8().subarray(0, 2),
    Buffer.from([0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0'),
    Buffer.from('not an image at all'),
  ]);
