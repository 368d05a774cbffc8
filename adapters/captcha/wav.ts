/** 16-bit mono PCM and its sample rate: what espeak-ng writes and what the captcha's audio is made of. */
export interface Pcm {
  rate: number;
  samples: Int16Array;
}

/**
 * Reads a 16-bit mono WAV. espeak-ng writing to a pipe cannot seek back to fill in the sizes, so its
 * header says 0x7fffffff: the data chunk is taken to run to the end of the bytes.
 */
export function readWav(bytes: Buffer): Pcm {
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error('not a WAV file');
  let at = 12;
  let rate = 0;
  while (at + 8 <= bytes.length) {
    const id = bytes.toString('ascii', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    if (id === 'fmt ') {
      if (bytes.readUInt16LE(at + 8) !== 1 || bytes.readUInt16LE(at + 10) !== 1 || bytes.readUInt16LE(at + 22) !== 16)
        throw new Error('WAV is not 16-bit mono PCM');
      rate = bytes.readUInt32LE(at + 12);
    } else if (id === 'data') {
      if (!rate) throw new Error('WAV data before its format');
      const end = Math.min(bytes.length, at + 8 + size) & ~1;
      const data = bytes.subarray(at + 8, end);
      return { rate, samples: new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length)) };
    }
    at += 8 + size + (size & 1);
  }
  throw new Error('WAV without data');
}

/** A canonical 44-byte-header WAV of the samples. */
export function writeWav({ rate, samples }: Pcm): Buffer {
  const header = Buffer.alloc(44);
  const dataBytes = samples.length * 2;
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, dataBytes)]);
}

export const durationSeconds = ({ rate, samples }: Pcm) => samples.length / rate;
