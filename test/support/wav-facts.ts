import { durationSeconds, readWav } from '../../adapters/captcha/wav.js';

/**
 * What a listener would notice in a WAV: its format and length, and the stretches of speech between
 * pauses (20 ms frames louder than a tenth of the loudest, apart by at least 300 ms of quiet).
 */
export function wavFacts(bytes: Buffer) {
  const pcm = readWav(bytes);
  const frame = Math.round(pcm.rate * 0.02);
  const rms: number[] = [];
  for (let i = 0; i + frame <= pcm.samples.length; i += frame) {
    let sum = 0;
    for (let j = i; j < i + frame; j += 1) sum += pcm.samples[j]! ** 2;
    rms.push(Math.sqrt(sum / frame));
  }
  const loudest = Math.max(...rms);
  let segments = 0;
  let quiet = Infinity;
  for (const r of rms) {
    if (r > loudest / 10) {
      if (quiet >= 15) segments += 1;
      quiet = 0;
    } else quiet += 1;
  }
  const sorted = [...rms].sort((a, b) => a - b);
  return {
    rate: pcm.rate,
    seconds: durationSeconds(pcm),
    speechSegments: segments,
    /** The quietest frames against the loudest: 0 in clean speech, a floor once noise is mixed in. */
    floorToPeak: sorted[Math.floor(sorted.length * 0.05)]! / loudest,
  };
}
