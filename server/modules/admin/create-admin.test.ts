import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import argon2 from 'argon2';
import { openDatabase } from '../../db/client';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'beacon-create-admin-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `npm run create-admin` as an operator would (through node + tsx), in its own data directory. */
async function createAdmin(args: string[], password?: string) {
  const env = { ...process.env, DATA_DIR: dataDir, ADMIN_PASSWORD: password ?? '' };
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/create-admin.ts', ...args],
      { cwd: ROOT, env },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
const read = <T>(query: string) => {
  const db = openDatabase(path.join(dataDir, 'beacon.db'), { readonly: true });
  try {
    return db.$client.prepare(query).all() as T[];
  } finally {
    db.$client.close();
  }
};

describe('npm run create-admin', () => {
  it('creates an admin in a new database with an argon2id password, recorded as done by the script', async () => {
    const res = await createAdmin(['--username', 'tran.admin', '--name', 'Trần Quản Trị'], 'mat-khau-quan-tri-1');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Created admin "tran.admin" (Trần Quản Trị)');
    const [user] = read<{ role: string; password_hash: string; display_name: string; disabled: number }>(
      "select * from users where username = 'tran.admin'",
    );
    expect(user).toMatchObject({ role: 'admin', display_name: 'Trần Quản Trị', disabled: 0 });
    expect(await argon2.verify(user!.password_hash, 'mat-khau-quan-tri-1')).toBe(true);
    const [entry] = read<{ actor_name: string; actor_user_id: number | null; after: string }>(
      "select * from audit_log where entity = 'user'",
    );
    expect(entry).toMatchObject({ actor_name: 'system (script)', actor_user_id: null });
    expect(entry!.after).not.toContain('argon2');
  });

  it('refuses an existing username unless told to reset its password, and a short password', async () => {
    const again = await createAdmin(['--username', 'tran.admin', '--name', 'Khác'], 'mot-mat-khau-khac-2');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('"tran.admin" is taken; add --reset-password');

    const short = await createAdmin(['--username', 'ngan', '--name', 'Ngắn'], 'ngan-qua');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password: must be at least 12 characters');
    const noPassword = await createAdmin(['--username', 'ngan', '--name', 'Ngắn']);
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toContain('ADMIN_PASSWORD');

    const reset = await createAdmin(
      ['--username', 'tran.admin', '--name', 'Trần Quản Trị', '--reset-password'],
      'mot-mat-khau-khac-2',
    );
    expect(reset.stderr).toBe('');
    expect(reset.code).toBe(0);
    const [user] = read<{ password_hash: string }>("select password_hash from users where username = 'tran.admin'");
    expect(await argon2.verify(user!.password_hash, 'mot-mat-khau-khac-2')).toBe(true);
    expect(read('select * from users')).toHaveLength(1);
  });

  it('refuses a common password, and gives a locked-out admin a new password and a new second factor', async () => {
    const common = await createAdmin(['--username', 'pho.admin', '--name', 'Phó Quản Trị'], 'Qwerty123456');
    expect(common.code).toBe(1);
    expect(common.stderr).toContain('password: is a commonly used password');

    const db = openDatabase(path.join(dataDir, 'beacon.db'));
    db.$client
      .prepare("update users set totp_secret = 'v1.sealed', totp_last_step = 9 where username = 'tran.admin'")
      .run();
    db.$client.close();
    const reset = await createAdmin(
      ['--username', 'tran.admin', '--name', 'Trần Quản Trị', '--reset-password'],
      'mat-khau-sau-khi-mat-dien-thoai',
    );
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('reset its two-step verification');
    const [user] = read<{ totp_secret: string | null; totp_last_step: number | null }>(
      "select totp_secret, totp_last_step from users where username = 'tran.admin'",
    );
    expect(user).toEqual({ totp_secret: null, totp_last_step: null });
    const [entry] = read<{ after: string }>(
      "select after from audit_log where entity = 'user' order by id desc limit 1",
    );
    expect(JSON.parse(entry!.after)).toMatchObject({ totp: '(reset)', totpEnrolled: false });
  });
});
