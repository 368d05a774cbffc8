import { Algorithm, hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id settings for interactive logins (19 MiB, 2 passes). */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

// Made once, with the same settings as real hashes, so a login for an unknown user costs the same.
let dummy: Promise<string> | undefined;

/**
 * True only when the password matches the stored hash. Without a hash (unknown user) the
 * password is checked against a dummy hash anyway, so the answer's timing does not tell
 * whether the user exists. A malformed stored hash counts as a mismatch, never as a crash.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  dummy ??= hashPassword('dummy password that nobody has');
  const target = storedHash ?? (await dummy);
  const matches = await verify(target, password).catch(() => false);
  return Boolean(storedHash) && matches;
}
