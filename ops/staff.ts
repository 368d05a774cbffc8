import { parseArgs } from 'node:util';
import { staffIdentity } from '../adapters/engine/connect.js';
import { STAFF_ROLES } from '../domain/staff.js';
import { readSecret } from './read-secret.js';
import { runDbCli } from './run-db-cli.js';
import { createStaffCommands } from './staff-commands.js';

/**
 * `npm run staff -- add <username> --role reviewer|supervisor|process-owner|admin`, `list`,
 * `deactivate <username>`, `set-password <username>`; each acts on the staff table and on the
 * engine's users alike. The password comes from STAFF_PASSWORD, else it is asked for twice without
 * echo; it is never an argument, which would leave it in the shell history and `ps`.
 */
const USAGE = `usage: npm run staff -- add <username> --role <${STAFF_ROLES.join('|')}> | list | deactivate <username> | set-password <username>`;

async function password(): Promise<string> {
  if (process.env.STAFF_PASSWORD) return process.env.STAFF_PASSWORD;
  const first = await readSecret('Password: ');
  if (!process.stdin.isTTY) return first;
  if ((await readSecret('Again: ')) !== first)
    throw Object.assign(new Error('the two passwords differ'), { code: 'password_mismatch' });
  return first;
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { role: { type: 'string' } } });
const [command, username] = positionals;
await runDbCli(
  async ({ config, db }) => {
    const staff = createStaffCommands(db, staffIdentity(config));
    if (command === 'add' && username && values.role) {
      const s = await staff.add(username, values.role, await password());
      console.log(`added ${s.username} (${s.role}), id ${s.id}`);
    } else if (command === 'list' && !username) {
      for (const s of await staff.list())
        console.log(`${s.username}\t${s.role}\t${s.active ? 'active' : 'inactive'}\t${s.created_at.toISOString()}`);
    } else if (command === 'deactivate' && username) {
      console.log(`deactivated ${(await staff.deactivate(username)).username}; their sessions are ended`);
    } else if (command === 'set-password' && username) {
      console.log(
        `new password set for ${(await staff.setPassword(username, await password())).username}; their sessions are ended`,
      );
    } else {
      console.error(USAGE);
      return 2;
    }
  },
  { min: 0, max: 2 },
);
