import { loadConfig } from '../server/config';
import { openDataDirDatabase } from '../server/db/client';
import { AppError } from '../server/domain/app-error';
import { systemClock } from '../server/domain/clock';
import { SCRIPT_ACTOR } from '../server/modules/audit/audit.service';
import { createServices } from '../server/services';
import { PASSWORD_POLICY } from '../shared/domain/password-policy';
import { commandLine, fail } from './cli';

// npm run create-admin -- --username NAME --name "Display Name" [--reset-password]
// Creates an admin account in DATA_DIR's database (created and migrated if needed), in the IOC unit
// when the city has one. The password comes from ADMIN_PASSWORD, or is asked twice on a terminal
// without echo; at least 12 characters. An existing username is refused unless --reset-password, which
// gives it the new password, enables it, resets its second factor (TOTP: enrolled again at the next
// sign-in, which an admin must do before anything else) and signs it out everywhere. The password
// follows the shared policy (shared/domain/password-policy.ts: at least 12 characters, not a common
// one). The audit log names the change "system (script)".

const USAGE =
  'Usage: [ADMIN_PASSWORD=…] npm run create-admin -- --username NAME --name "Display Name" [--reset-password]';

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return (finish(), resolve(value));
        if (ch === '\u0003') return (finish(), reject(new Error('Cancelled.')));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) fail('Set ADMIN_PASSWORD, or run this on a terminal to be asked for the password.');
  const first = await promptHidden(`Password (at least ${PASSWORD_POLICY.minLength} characters, not a common one): `);
  const again = await promptHidden('Password again: ');
  if (first !== again) fail('The two passwords differ; nothing was changed.');
  return first;
}

const { values } = commandLine(USAGE, {
  options: {
    username: { type: 'string' },
    name: { type: 'string' },
    'reset-password': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (!values.username || !values.name) fail(`Give --username and --name.\n${USAGE}`);

const password = await readPassword().catch((e: Error) => fail(e.message));
const config = loadConfig();
const db = openDataDirDatabase(config);
const services = createServices(db, systemClock, config);
try {
  const { created, user } = await services.admin.users.createAdmin(SCRIPT_ACTOR, {
    username: values.username,
    displayName: values.name,
    password,
    resetPassword: values['reset-password'] ?? false,
  });
  process.stdout.write(
    created
      ? `Created admin "${user.username}" (${user.displayName}) in ${config.dbPath}.\n`
      : `Gave "${user.username}" a new password, enabled the account and reset its two-step verification; its sessions were ended.\n`,
  );
} catch (e) {
  if (!(e instanceof AppError)) throw e;
  const fields =
    e.fieldErrors?.map((f) => `\n  ${f.path === 'displayName' ? 'name' : f.path}: ${f.message}`).join('') ?? '';
  fail(`${e.detail ?? e.message}${fields}`);
} finally {
  db.$client.close();
}
