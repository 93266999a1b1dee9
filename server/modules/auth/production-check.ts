import argon2 from 'argon2';
import { DEV_SESSION_SECRET, type Config } from '../../config';
import type { AuthRepository } from './auth.repository';

/** SESSION_SECRET's least length in production. */
export const MIN_SESSION_SECRET_LENGTH = 32;

/** The demo city's accounts and their published password. */
export interface DemoAccounts {
  usernames: string[];
  password: string;
}

/**
 * Everything that makes a production start (`NODE_ENV=production`) unsafe, one line each: a missing,
 * default or short SESSION_SECRET, SEED_DEMO not `false`, a demo account that still has the demo
 * password (the policy refuses that password for any other account), no enabled admin. Empty when
 * the start may go on.
 */
export async function productionProblems(
  config: Pick<Config, 'sessionSecret' | 'sessionSecretSet' | 'seedDemo'>,
  auth: AuthRepository,
  demo: DemoAccounts,
): Promise<string[]> {
  const problems: string[] = [];
  const secretHelp = `set it to a random value of at least ${MIN_SESSION_SECRET_LENGTH} characters (e.g. openssl rand -base64 48)`;
  if (!config.sessionSecretSet) problems.push(`SESSION_SECRET is not set: ${secretHelp}.`);
  else if (config.sessionSecret === DEV_SESSION_SECRET)
    problems.push(`SESSION_SECRET is the public development default: ${secretHelp}.`);
  else if (config.sessionSecret.length < MIN_SESSION_SECRET_LENGTH)
    problems.push(`SESSION_SECRET has only ${config.sessionSecret.length} characters: ${secretHelp}.`);
  if (config.seedDemo)
    problems.push('SEED_DEMO is not false: set SEED_DEMO=false (the demo city is not for production).');
  const accounts = auth.byUsernames(demo.usernames);
  const isDemo = await Promise.all(accounts.map((a) => argon2.verify(a.passwordHash, demo.password)));
  const demoLeft = accounts.filter((_, i) => isDemo[i]).map((a) => a.username);
  if (demoLeft.length > 0)
    problems.push(
      `Demo accounts with the demo password are present (${demoLeft.join(', ')}): give each a new password in /admin, or start on a new DATA_DIR without the demo city.`,
    );
  if (auth.enabledAdmins() === 0)
    problems.push(
      'No enabled admin account: create one with npm run create-admin -- --username NAME --name "Full Name".',
    );
  return problems;
}
