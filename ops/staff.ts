import { parseArgs } from 'node:util';
import { staffIdentity } from '../adapters/engine/connect.js';
import { STAFF_ROLES } from '../domain/staff.js';
import { isEntryPoint, processIo as consoleIo, type CliIo } from './cli-io.js';
import { readSecret } from './read-secret.js';
import { runDbCli } from './run-db-cli.js';
import { createStaffCommands } from './staff-commands.js';

/**
 * `npm run staff -- add <username> --role reviewer|supervisor|process-owner|ra-clerk|admin`, `list`,
 * `deactivate <username>`, `set-password <username>`; each acts on the staff table and on the
 * engine's users alike. The password comes from STAFF_PASSWORD, else it is asked for twice without
 * echo; it is never an argument, which would leave it in the shell history and `ps`.
 */
const USAGE = `usage: npm run staff -- add <username> --role <${STAFF_ROLES.join('|')}> | list | deactivate <username> | set-password <username>`;

/** Where the command reads its password and writes its lines: the process's own, or a test's. */
export interface StaffCliIo extends CliIo {
  readSecret(prompt: string): Promise<string>;
  /** A terminal, where the password is asked for twice. */
  interactive: boolean;
}

const processIo: StaffCliIo = {
  ...consoleIo,
  readSecret,
  interactive: Boolean(process.stdin.isTTY),
};

async function password(io: StaffCliIo): Promise<string> {
  if (io.env.STAFF_PASSWORD) return io.env.STAFF_PASSWORD;
  const first = await io.readSecret('Password: ');
  if (!io.interactive) return first;
  if ((await io.readSecret('Again: ')) !== first)
    throw Object.assign(new Error('the two passwords differ'), { code: 'password_mismatch' });
  return first;
}

/** The command on `argv` (the arguments after the script's name); resolves to its exit code. */
export async function main(argv: string[], io: StaffCliIo = processIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { role: { type: 'string' } } });
  } catch {
    io.printError(USAGE);
    return 2;
  }
  const { positionals, values } = parsed;
  const [command, username] = positionals;
  return runDbCli(
    async ({ config, db }) => {
      const staff = createStaffCommands(db, staffIdentity(config));
      if (command === 'add' && username && values.role) {
        const s = await staff.add(username, values.role, await password(io));
        io.print(`added ${s.username} (${s.role}), id ${s.id}`);
      } else if (command === 'list' && !username) {
        for (const s of await staff.list())
          io.print(`${s.username}\t${s.role}\t${s.active ? 'active' : 'inactive'}\t${s.created_at.toISOString()}`);
      } else if (command === 'deactivate' && username) {
        io.print(`deactivated ${(await staff.deactivate(username)).username}; their sessions are ended`);
      } else if (command === 'set-password' && username) {
        io.print(
          `new password set for ${(await staff.setPassword(username, await password(io))).username}; their sessions are ended`,
        );
      } else {
        io.printError(USAGE);
        return 2;
      }
    },
    { min: 0, max: 2 },
    (m) => io.printError(m),
  );
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
