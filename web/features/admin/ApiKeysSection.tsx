import { useEffect, useRef, useState } from 'react';
import { ApiKeyInput, type ApiKeyCreated, type ApiKeyView } from '../../../shared/schemas/admin';
import { formatDateTime, useI18n } from '../../i18n';
import { adminApi } from './adminApi';
import { Dialog } from './Dialog';
import { check } from './errors';
import { AdminForm, FormActions, LiveStatus, useSubmit } from './form';
import { TextField } from './fields';
import { AdminTable, DangerConfirm, LoadGate, NewButton, RowButton, StatePill, useAdminList } from './list';
import { useMessages } from './messages';
import { focusTitle, AdminSection, useAdminApiKeys } from './section';

/** `/admin/api-keys`: keys other systems (Open311 clients) present; the secret is shown once, at creation. */
export function ApiKeysSection() {
  const m = useMessages();
  const { lang } = useI18n();
  const keys = useAdminApiKeys();
  const { editing, setEditing, confirming, setConfirming, status, changed, done } = useAdminList<ApiKeyView>(keys);

  const rows = [...(keys.data ?? [])].sort(
    (a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <AdminSection
      title={m('keys.title')}
      intro={m('keys.intro')}
      actions={
        <NewButton onClick={() => setEditing('new')} testId="key-new">
          {m('keys.new')}
        </NewButton>
      }
      status={status}
    >
      <LoadGate state={keys}>
        {() => (
          <AdminTable
            testId="keys-table"
            caption={m('keys.title')}
            columns={[m('keys.name'), m('keys.prefix'), m('keys.created'), m('keys.lastUsed'), m('col.state')]}
            empty={rows.length === 0 ? m('keys.empty') : null}
          >
            {rows.map((k) => (
              <tr key={k.id} data-key={k.id} data-name={k.name} className={k.revokedAt ? 'row-muted' : undefined}>
                <th scope="row">{k.name}</th>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{formatDateTime(k.createdAt, lang)}</td>
                <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, lang) : m('keys.never')}</td>
                <td>
                  <StatePill on={!k.revokedAt}>
                    {k.revokedAt ? m('keys.revokedAt', { at: formatDateTime(k.revokedAt, lang) }) : m('state.active')}
                  </StatePill>
                </td>
                <td className="actions">
                  {!k.revokedAt && (
                    <RowButton danger onClick={() => setConfirming(k)} label={m('keys.revokeNamed', { name: k.name })}>
                      {m('keys.revoke')}
                    </RowButton>
                  )}
                </td>
              </tr>
            ))}
          </AdminTable>
        )}
      </LoadGate>
      {editing && (
        <CreateKeyDialog
          onCreated={(k) => changed(m('keys.createdDone', { name: k.name }))}
          onClose={() => setEditing(null)}
        />
      )}
      {confirming && (
        <DangerConfirm
          title={m('keys.revokeTitle', { name: confirming.name })}
          text={m('keys.revokeText')}
          confirmLabel={m('keys.revoke')}
          onClose={() => setConfirming(null)}
          onConfirm={async () => {
            await adminApi.revokeApiKey(confirming.id);
            done(m('keys.revoked', { name: confirming.name }));
          }}
        />
      )}
    </AdminSection>
  );
}

/** Naming a new key, then showing it this one time with a copy button. */
export function CreateKeyDialog({
  onCreated,
  onClose,
}: {
  onCreated: (key: ApiKeyCreated) => void;
  onClose: () => void;
}) {
  const m = useMessages();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const { busy, failure, submit } = useSubmit();
  const keyField = useRef<HTMLInputElement>(null);

  // The new key gets the focus, selected, ready to copy.
  useEffect(() => {
    if (!created) return;
    keyField.current?.focus();
    keyField.current?.select();
  }, [created]);

  const create = () => {
    const body = { name: name.trim() };
    void submit(check(ApiKeyInput, body), () => adminApi.createApiKey(body)).then((k) => {
      if (!k) return;
      setCreated(k);
      onCreated(k);
    });
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied(m('keys.copied'));
    } catch {
      // No clipboard permission: select the key so Ctrl+C copies it.
      keyField.current?.select();
      setCopied(m('keys.copyManually'));
    }
  };

  return (
    <Dialog
      title={created ? m('keys.shownTitle', { name: created.name }) : m('keys.new')}
      onClose={onClose}
      fallbackFocus={focusTitle}
      testId="key-dialog"
    >
      {created ? (
        <div className="form-stack" data-testid="key-created">
          <p className="notice notice-warning" data-testid="key-once">
            {m('keys.once')}
          </p>
          <div className="field">
            <label htmlFor="new-api-key">{m('keys.secret')}</label>
            <div className="copy-row">
              <input
                ref={keyField}
                id="new-api-key"
                className="mono"
                readOnly
                value={created.key}
                data-testid="key-secret"
                onFocus={(e) => e.currentTarget.select()}
              />
              <button type="button" className="btn btn-secondary" onClick={() => void copy()} data-testid="key-copy">
                {m('keys.copy')}
              </button>
            </div>
          </div>
          <p className="hint">{m('keys.howToUse')}</p>
          <LiveStatus message={copied} tone="info" />
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={onClose} data-testid="key-done">
              {m('keys.stored')}
            </button>
          </div>
        </div>
      ) : (
        <AdminForm id="key-form" failure={failure} busy={busy} onSubmit={create} testId="key-form">
          <TextField
            path="name"
            label={m('keys.name')}
            hint={m('keys.nameHint')}
            value={name}
            maxLength={60}
            onChange={setName}
          />
          <FormActions
            busy={busy}
            onCancel={onClose}
            label={m('keys.create')}
            busyLabel={m('keys.creating')}
            testId="key-create"
          />
        </AdminForm>
      )}
    </Dialog>
  );
}
