/** Persian digits for text a person reads (the letter); stored data keeps ASCII digits. */
export const toPersianDigits = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
