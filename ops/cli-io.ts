import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where an operator command reads its environment and writes its lines: the process's own when run
 * from the shell, a test's when its `main` is called in process.
 */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  print(line: string): void;
  printError(line: string): void;
}

export const processIo: CliIo = {
  env: process.env,
  print: (line) => console.log(line),
  printError: (line) => console.error(line),
};

/** Whether the module at `moduleUrl` is the script node was started with (not imported by a test). */
export const isEntryPoint = (moduleUrl: string) =>
  Boolean(process.argv[1]) && path.resolve(process.argv[1]!) === fileURLToPath(moduleUrl);
