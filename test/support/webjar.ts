import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** The Operaton version engine/pom.xml builds against: the webjar whose files ours stand beside. */
export function operatonVersion() {
  const pom = readFileSync('engine/pom.xml', 'utf8');
  const version = /<operaton\.version>([^<]+)<\/operaton\.version>/.exec(pom)?.[1];
  if (!version) throw new Error('engine/pom.xml names no operaton.version');
  return version;
}

/** Where Maven put the web apps' jar when it built the engine (MAVEN_REPO, else ~/.m2/repository). */
export function webjarPath(version = operatonVersion()) {
  const repo = process.env.MAVEN_REPO ?? path.join(homedir(), '.m2', 'repository');
  return path.join(
    repo,
    'org/operaton/bpm/webapp/operaton-webapp-webjar',
    version,
    `operaton-webapp-webjar-${version}.jar`,
  );
}

/**
 * One file of a jar (a zip): found through the central directory, stored or deflated. Enough for the
 * webjar's text files; a test reads the shipped en.json from it rather than from a copy we keep.
 */
export function readFromJar(jarPath: string, name: string): Buffer {
  const zip = readFileSync(jarPath);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${jarPath}: not a zip`);
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`${name}: compression method ${method}`);
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} is not in ${jarPath}`);
}

/** A locale file as the apps read it (the shipped ones begin with a byte-order mark). */
export const parseLocale = (bytes: Buffer) =>
  JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as {
    dateLocales?: Record<string, unknown>;
    labels: Record<string, string>;
  };
