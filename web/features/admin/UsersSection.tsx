import { useContext, useState } from 'react';
import { STAFF_ROLES, type StaffRole } from '../../../shared/domain/roles';
import { Password, type AdminUnit, type AdminUser } from '../../../shared/schemas/admin';
import { formatDate, useI18n } from '../../i18n';
import { Loading } from '../../ui/Feedback';
import { SessionContext } from '../auth/SessionProvider';
import { adminApi } from './adminApi';
import { ConfirmDialog, Dialog } from './Dialog';
import { check } from './errors';
import { AdminForm, LiveStatus, SelectField, TextField, useSubmit } from './form';
import { useMessages } from './messages';
import { focusTitle, Problem, SectionHead, useAdminUnits, useAdminUsers } from './section';
import { createBody, patchBody, unitRule, userProblems, type UserFormValues } from './userForm';

type Open =
  | { kind: 'new' }
  | { kind: 'edit'; user: AdminUser }
  | { kind: 'password'; user: AdminUser }
  | { kind: 'disable'; user: AdminUser };

/** `/admin/users`: staff accounts, their role and unit; disable, enable, reset a password. */
export function UsersSection() {
  const m = useMessages();
  const { t, lang } = useI18n();
  const users = useAdminUsers();
  const units = useAdminUnits();
  const me = useContext(SessionContext)?.user?.id;
  const [open, setOpen] = useState<Open | null>(null);
  const [role, setRole] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const unitName = (id: number | null) =>
    id === null ? '—' : (units.data?.find((u) => u.id === id)?.name.vi ?? m('rules.unitNumber', { id }));
  const rows = (users.data ?? [])
    .filter((u) => !role || u.role === role)
    .sort((a, b) => a.username.localeCompare(b.username));
  const done = (text: string) => {
    setOpen(null);
    setFailure(null);
    setStatus(text);
    users.reload();
    units.reload();
  };

  const enable = async (u: AdminUser) => {
    try {
      await adminApi.updateUser(u.id, { disabled: false });
      done(m('users.enabled', { name: u.displayName }));
    } catch (err) {
      setStatus(null);
      setFailure(err);
    }
  };
  return (
    <section className="admin-section" aria-labelledby="admin-title">
      <SectionHead
        title={m('users.title')}
        intro={m('users.intro')}
        actions={
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setOpen({ kind: 'new' })}
            disabled={!units.data}
            data-testid="user-new"
          >
            {m('users.new')}
          </button>
        }
      />
      <LiveStatus message={status} />
      {failure !== null && <Problem error={failure} />}
      <div className="admin-toolbar">
        <div className="field field-inline">
          <label htmlFor="users-role">{m('users.role')}</label>
          <select id="users-role" value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{m('users.allRoles')}</option>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {users.error !== undefined && !users.data ? (
        <Problem error={users.error} onRetry={users.reload} />
      ) : !users.data ? (
        <Loading />
      ) : (
        <div className="table-scroll">
          <table className="admin-table" data-testid="users-table">
            <caption className="sr-only">{m('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{m('users.username')}</th>
                <th scope="col">{m('users.displayName')}</th>
                <th scope="col">{m('users.role')}</th>
                <th scope="col">{m('users.unit')}</th>
                <th scope="col">{m('users.created')}</th>
                <th scope="col">{m('col.state')}</th>
                <th scope="col">
                  <span className="sr-only">{m('col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.id} data-username={u.username} className={u.disabled ? 'row-muted' : undefined}>
                  <td>
                    <code>{u.username}</code>
                  </td>
                  <th scope="row">
                    {u.displayName}
                    {u.id === me && <span className="sub">{m('users.you')}</span>}
                  </th>
                  <td>{t(`role.${u.role}`)}</td>
                  <td>{unitName(u.unitId)}</td>
                  <td>{formatDate(u.createdAt, lang)}</td>
                  <td>
                    <span className={`pill ${u.disabled ? 'pill-past' : 'pill-current'}`}>
                      {u.disabled ? m('users.disabled') : m('state.active')}
                    </span>
                  </td>
                  <td className="actions">
                    <button
                      type="button"
                      className="btn btn-small btn-secondary"
                      onClick={() => setOpen({ kind: 'edit', user: u })}
                      aria-label={m('users.editNamed', { name: u.displayName })}
                    >
                      {m('common.edit')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-secondary"
                      onClick={() => setOpen({ kind: 'password', user: u })}
                      aria-label={m('users.passwordNamed', { name: u.displayName })}
                    >
                      {m('users.resetPassword')}
                    </button>
                    {u.disabled ? (
                      <button
                        type="button"
                        className="btn btn-small btn-secondary"
                        onClick={() => void enable(u)}
                        aria-label={m('users.enableNamed', { name: u.displayName })}
                      >
                        {m('users.enable')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-small btn-danger-outline"
                        disabled={u.id === me}
                        title={u.id === me ? m('users.notYourself') : undefined}
                        onClick={() => setOpen({ kind: 'disable', user: u })}
                        aria-label={m('users.disableNamed', { name: u.displayName })}
                      >
                        {m('users.disable')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p className="hint">{m('users.empty')}</p>}
        </div>
      )}
      {(open?.kind === 'new' || open?.kind === 'edit') && units.data && (
        <UserDialog
          user={open.kind === 'edit' ? open.user : null}
          units={units.data}
          onClose={() => setOpen(null)}
          onSaved={(u, created) => done(m(created ? 'users.createdDone' : 'users.savedDone', { name: u.displayName }))}
        />
      )}
      {open?.kind === 'password' && (
        <PasswordDialog
          user={open.user}
          onClose={() => setOpen(null)}
          onSaved={() => done(m('users.passwordSet', { name: open.user.displayName }))}
        />
      )}
      {open?.kind === 'disable' && (
        <ConfirmDialog
          title={m('users.disableTitle', { name: open.user.displayName })}
          text={<p>{m('users.disableText')}</p>}
          confirmLabel={m('users.disable')}
          danger
          fallbackFocus={focusTitle}
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            await adminApi.updateUser(open.user.id, { disabled: true });
            done(m('users.disabledDone', { name: open.user.displayName }));
          }}
        />
      )}
    </section>
  );
}

/** A new password, typed once, with a way to see it. */
function PasswordField({
  path,
  label,
  value,
  onChange,
}: {
  path: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const m = useMessages();
  const [shown, setShown] = useState(false);
  return (
    <div className="password-field">
      <TextField
        path={path}
        type={shown ? 'text' : 'password'}
        label={label}
        hint={m('users.passwordHint', { n: value.length })}
        value={value}
        autoComplete="new-password"
        spellCheck={false}
        onChange={onChange}
      />
      <button
        type="button"
        className="btn btn-small btn-secondary"
        aria-pressed={shown}
        onClick={() => setShown((s) => !s)}
      >
        {m('users.showPassword')}
      </button>
    </div>
  );
}

/** Creating a user, or changing one's name, role and unit. */
export function UserDialog({
  user,
  units,
  onClose,
  onSaved,
}: {
  user: AdminUser | null;
  units: readonly AdminUnit[];
  onClose: () => void;
  onSaved: (user: AdminUser, created: boolean) => void;
}) {
  const m = useMessages();
  const { t } = useI18n();
  const [v, setV] = useState<UserFormValues>({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'staff',
    unitId: user?.unitId ? String(user.unitId) : '',
    password: '',
  });
  const { busy, failure, submit } = useSubmit();
  const set = <K extends keyof UserFormValues>(k: K, value: UserFormValues[K]) => setV((x) => ({ ...x, [k]: value }));

  const save = () => {
    if (user) {
      const body = patchBody(v);
      void submit(userProblems(v, 'edit', m), () => adminApi.updateUser(user.id, body)).then(
        (u) => u && onSaved(u, false),
      );
    } else {
      const body = createBody(v);
      void submit(userProblems(v, 'create', m), () => adminApi.createUser(body)).then((u) => u && onSaved(u, true));
    }
  };

  const rule = unitRule(v.role);
  return (
    <Dialog
      title={user ? m('users.editTitle', { name: user.username }) : m('users.new')}
      onClose={onClose}
      fallbackFocus={focusTitle}
    >
      <AdminForm id="user-form" failure={failure} busy={busy} onSubmit={save} testId="user-form">
        {!user && (
          <TextField
            path="username"
            label={m('users.username')}
            hint={m('users.usernameHint')}
            value={v.username}
            autoComplete="off"
            spellCheck={false}
            maxLength={60}
            onChange={(x) => set('username', x)}
          />
        )}
        <TextField
          path="displayName"
          label={m('users.displayName')}
          value={v.displayName}
          maxLength={120}
          onChange={(x) => set('displayName', x)}
        />
        <SelectField
          path="role"
          label={m('users.role')}
          value={v.role}
          onChange={(x) => set('role', x as StaffRole)}
          options={STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <SelectField
          path="unitId"
          label={v.role === 'leader' ? m('users.unitLeader') : m('users.unit')}
          optional={rule === 'optional'}
          hint={m(`users.unitHint.${v.role}`)}
          value={v.unitId}
          onChange={(x) => set('unitId', x)}
          options={[
            { value: '', label: rule === 'required' ? m('users.chooseUnit') : m('users.noUnit') },
            ...units
              .filter((u) => u.active || String(u.id) === v.unitId)
              .map((u) => ({ value: String(u.id), label: u.name.vi })),
          ]}
        />
        {!user && (
          <PasswordField
            path="password"
            label={m('users.password')}
            value={v.password}
            onChange={(x) => set('password', x)}
          />
        )}
        {user && v.role !== user.role && <p className="notice notice-warning">{m('users.sessionsCut')}</p>}
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {m('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="user-save">
            {busy ? m('common.saving') : m('common.save')}
          </button>
        </div>
      </AdminForm>
    </Dialog>
  );
}

/** Setting a new password for someone who lost theirs (their sessions end). */
function PasswordDialog({ user, onClose, onSaved }: { user: AdminUser; onClose: () => void; onSaved: () => void }) {
  const m = useMessages();
  const [password, setPassword] = useState('');
  const { busy, failure, submit } = useSubmit();
  const save = () => {
    const problems = check(Password, password).map((e) => ({ ...e, path: 'password' }));
    void submit(problems, () => adminApi.updateUser(user.id, { password })).then((u) => u && onSaved());
  };
  return (
    <Dialog title={m('users.passwordTitle', { name: user.displayName })} onClose={onClose} fallbackFocus={focusTitle}>
      <AdminForm id="password-form" failure={failure} busy={busy} onSubmit={save} testId="password-form">
        <p className="hint">{m('users.passwordIntro')}</p>
        <PasswordField path="password" label={m('users.newPassword')} value={password} onChange={setPassword} />
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {m('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? m('common.saving') : m('users.setPassword')}
          </button>
        </div>
      </AdminForm>
    </Dialog>
  );
}
