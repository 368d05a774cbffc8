import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Runs the project's Node services as child processes, each line of output prefixed with its name. */
export function startChildren(specs: { name: string; script: string; env?: NodeJS.ProcessEnv }[]) {
  const children: { name: string; proc: ChildProcess }[] = [];
  for (const spec of specs) {
    // A process group of its own: a terminal's Ctrl-C reaches only this script, which then stops each
    // child once; sharing the group, children got the Ctrl-C and then the SIGTERM, and took it as "force".
    const proc = spawn(process.execPath, ['--import', 'tsx', spec.script], {
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    for (const stream of [proc.stdout, proc.stderr]) {
      createInterface({ input: stream }).on('line', (line) => console.log(`[${spec.name}] ${line}`));
    }
    proc.on('exit', (code, signal) => console.log(`[${spec.name}] exited (${signal ?? code})`));
    children.push({ name: spec.name, proc });
  }
  // Detached children outlive a parent that dies without stopping them; this is the last chance to.
  process.once('exit', () => {
    for (const { proc } of children) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
  });
  return {
    children,
    /** SIGTERM to each, then SIGKILL to any that has not gone after the grace period. */
    async stop(graceMs = 10_000) {
      await Promise.all(
        children.map(
          ({ proc }) =>
            new Promise<void>((resolve) => {
              if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
              const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
              proc.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              proc.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
