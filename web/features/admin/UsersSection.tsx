import { useContext, useState } from 'react';
import { STAFF_ROLES, type StaffRole } from '../../../shared/domain/roles';
import { Password, type AdminUnit, type AdminUser } from '../../../shared/schemas/admin';
import { formatDate, useI18n } from '../../i18n';
import { SessionContext } from '../auth/SessionProvider';
import { adminApi } from './adminApi';
import { Dialog } from './Dialog';
import { check } from './errors';
import { AdminForm, FormActions, useSubmit } from './form';
import { SelectField, TextField } from './fields';
import { AdminTable, DangerConfirm, LoadGate, NewButton, RowButton, StatePill, useAdminList } from './list';
import { useMessages } from './messages';
import { focusTitle, Problem, AdminSection, useAdminUnits, useAdminUsers } from './section';
import { createBody, patchBody, unitRule, userProblems, type UserFormValues } from './userForm';

/** `/admin/users`: staff accounts, their role and unit; disable, enable, reset a password. */
export function UsersSection() {
  const m = useMessages();
  const { t, lang } = useI18n();
  const users = useAdminUsers();
  const units = useAdminUnits();
  const me = useContext(SessionContext)?.user?.id;
  // Editing a user, confirming one's disabling, or setting one's password; a change reloads the units too
  // (their staff counts).
  const { editing, setEditing, confirming, setConfirming, status, setStatus, done } = useAdminList<AdminUser>({
    reload: () => {
      users.reload();
      units.reload();
    },
  });
  const [resetting, setResetting] = useState<AdminUser | null>(null);
  const [resettingTotp, setResettingTotp] = useState<AdminUser | null>(null);
  const [role, setRole] = useState('');
  const [failure, setFailure] = useState<unknown>(null);

  const unitName = (id: number | null) =>
    id === null ? '—' : (units.data?.find((u) => u.id === id)?.name.vi ?? m('rules.unitNumber', { id }));
  const rows = (users.data ?? [])
    .filter((u) => !role || u.role === role)
    .sort((a, b) => a.username.localeCompare(b.username));
  const finish = (text: string) => {
    setResetting(null);
    setFailure(null);
    done(text);
  };

  const enable = async (u: AdminUser) => {
    try {
      await adminApi.updateUser(u.id, { disabled: false });
      finish(m('users.enabled', { name: u.displayName }));
    } catch (err) {
      setStatus(null);
      setFailure(err);
    }
  };
  return (
    <AdminSection
      title={m('users.title')}
      intro={m('users.intro')}
      actions={
        <NewButton onClick={() => setEditing('new')} disabled={!units.data} testId="user-new">
          {m('users.new')}
        </NewButton>
      }
      status={status}
    >
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
      <LoadGate state={users}>
        {() => (
          <AdminTable
            testId="users-table"
            caption={m('users.title')}
            columns={[
              m('users.username'),
              m('users.displayName'),
              m('users.role'),
              m('users.unit'),
              m('users.created'),
              m('col.state'),
            ]}
            empty={rows.length === 0 ? m('users.empty') : null}
          >
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
                  <StatePill on={!u.disabled}>{u.disabled ? m('users.disabled') : m('state.active')}</StatePill>
                  {u.totpEnrolled && <span className="sub">{m('users.totpOn')}</span>}
                </td>
                <td className="actions">
                  <RowButton onClick={() => setEditing(u)} label={m('users.editNamed', { name: u.displayName })}>
                    {m('common.edit')}
                  </RowButton>
                  <RowButton onClick={() => setResetting(u)} label={m('users.passwordNamed', { name: u.displayName })}>
                    {m('users.resetPassword')}
                  </RowButton>
                  {u.totpEnrolled && (
                    <RowButton
                      onClick={() => setResettingTotp(u)}
                      label={m('users.totpResetNamed', { name: u.displayName })}
                    >
                      {m('users.totpReset')}
                    </RowButton>
                  )}
                  {u.disabled ? (
                    <RowButton onClick={() => void enable(u)} label={m('users.enableNamed', { name: u.displayName })}>
                      {m('users.enable')}
                    </RowButton>
                  ) : (
                    <RowButton
                      danger
                      disabled={u.id === me}
                      title={u.id === me ? m('users.notYourself') : undefined}
                      onClick={() => setConfirming(u)}
                      label={m('users.disableNamed', { name: u.displayName })}
                    >
                      {m('users.disable')}
                    </RowButton>
                  )}
                </td>
              </tr>
            ))}
          </AdminTable>
        )}
      </LoadGate>
      {editing && units.data && (
        <UserDialog
          user={editing === 'new' ? null : editing}
          units={units.data}
          onClose={() => setEditing(null)}
          onSaved={(u, created) =>
            finish(m(created ? 'users.createdDone' : 'users.savedDone', { name: u.displayName }))
          }
        />
      )}
      {resetting && (
        <PasswordDialog
          user={resetting}
          onClose={() => setResetting(null)}
          onSaved={() => finish(m('users.passwordSet', { name: resetting.displayName }))}
        />
      )}
      {resettingTotp && (
        <DangerConfirm
          title={m('users.totpResetTitle', { name: resettingTotp.displayName })}
          text={m('users.totpResetText')}
          confirmLabel={m('users.totpReset')}
          onClose={() => setResettingTotp(null)}
          onConfirm={async () => {
            await adminApi.resetUserTotp(resettingTotp.id);
            setResettingTotp(null);
            finish(m('users.totpResetDone', { name: resettingTotp.displayName }));
          }}
        />
      )}
      {confirming && (
        <DangerConfirm
          title={m('users.disableTitle', { name: confirming.displayName })}
          text={m('users.disableText')}
          confirmLabel={m('users.disable')}
          onClose={() => setConfirming(null)}
          onConfirm={async () => {
            await adminApi.updateUser(confirming.id, { disabled: true });
            finish(m('users.disabledDone', { name: confirming.displayName }));
          }}
        />
      )}
    </AdminSection>
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
        <FormActions busy={busy} onCancel={onClose} testId="user-save" />
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
        <FormActions busy={busy} onCancel={onClose} label={m('users.setPassword')} />
      </AdminForm>
    </Dialog>
  );
}
