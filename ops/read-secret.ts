import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';

/**
 * Asks for a secret on the terminal without echoing it. Without a terminal (a pipe), the first
 * line of standard input is the secret, so scripts can still provide it.
 */
export async function readSecret(prompt: string): Promise<string> {
  const tty = Boolean(process.stdin.isTTY);
  let muted = false;
  const output = new Writable({
    write(chunk, encoding, done) {
      if (!muted) process.stderr.write(chunk, encoding);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: tty });
  try {
    if (tty) process.stderr.write(prompt);
    muted = true;
    const answer = await rl.question('');
    if (tty) process.stderr.write('\n');
    return answer;
  } finally {
    rl.close();
  }
}
