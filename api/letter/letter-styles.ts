import { embeddedFontCss } from './letter-fonts.js';

/** A4 with room at the top for the agency's printed letterhead; the instructions do not print. */
export const letterStyles = () => `${embeddedFontCss()}
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
body { margin: 0; background: #e9ecef; font-family: Vazirmatn, Tahoma, sans-serif; color: #111; line-height: 2; font-size: 12pt; }
.sheet { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 12mm 20mm 15mm; background: #fff; box-shadow: 0 0 6px rgba(0,0,0,.2); }
.screen-only { background: #fff8e1; border: 1px solid #f0c36d; border-radius: 6px; padding: 3mm 4mm; font-size: 10.5pt; line-height: 1.8; }
.letterhead { height: 32mm; }
.ref { display: grid; grid-template-columns: auto 35mm; gap: 0 2mm; width: max-content; margin: 0 auto 6mm 0; font-size: 11pt; }
.ref dd { margin: 0; border-bottom: 1px dotted #555; }
.to, .subject { font-weight: 700; margin: 1mm 0; }
.subject { margin-bottom: 5mm; }
.blank { display: inline-block; min-width: 40mm; border-bottom: 1px dotted #555; }
table { width: 100%; border-collapse: collapse; margin: 4mm 0; font-size: 11pt; }
th, td { border: 1px solid #999; padding: 1mm 3mm; text-align: right; }
th { width: 38%; background: #f3f4f6; font-weight: 400; }
.sign { display: flex; justify-content: space-between; gap: 10mm; margin-top: 10mm; }
.signer { flex: 1; } .signer p { margin: 0 0 2mm; }
.box { border: 1px dashed #888; border-radius: 4px; height: 28mm; display: flex; align-items: center; justify-content: center; color: #888; font-size: 10pt; }
.signer .box { width: 60mm; }
.stamp { width: 45mm; } .stamp .box { height: 45mm; border-radius: 50%; }
footer { margin-top: 10mm; font-size: 9pt; color: #555; }
@media screen and (max-width: 220mm) { .sheet { width: auto; min-height: 0; margin: 0; padding: 6mm; } .letterhead { height: 8mm; } }
@media print { body { background: none; } .sheet { margin: 0; box-shadow: none; } .screen-only { display: none; } }
`;
