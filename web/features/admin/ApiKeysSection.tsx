import { useEffect, useRef, useState } from 'react';
import { ApiKeyInput, type ApiKeyCreated, type ApiKeyView } from '../../../shared/schemas/admin';
import { formatDateTime, useI18n } from '../../i18n';
import { Loading } from '../../ui/Feedback';
import { adminApi } from './adminApi';
import { ConfirmDialog, Dialog } from './Dialog';
import { check } from './errors';
import { AdminForm, LiveStatus, TextField, useSubmit } from './form';
import { useMessages } from './messages';
import { focusTitle, Problem, SectionHead, useAdminApiKeys } from './section';

/** `/admin/api-keys`: keys other systems (Open311 clients) present; the secret is shown once, at creation. */
export function ApiKeysSection() {
  const m = useMessages();
  const { lang } = useI18n();
  const keys = useAdminApiKeys();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const rows = [...(keys.data ?? [])].sort(
    (a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <section className="admin-section" aria-labelledby="admin-title">
      <SectionHead
        title={m('keys.title')}
        intro={m('keys.intro')}
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="key-new">
            {m('keys.new')}
          </button>
        }
      />
      <LiveStatus message={status} />
      {keys.error !== undefined && !keys.data ? (
        <Problem error={keys.error} onRetry={keys.reload} />
      ) : !keys.data ? (
        <Loading />
      ) : (
        <div className="table-scroll">
          <table className="admin-table" data-testid="keys-table">
            <caption className="sr-only">{m('keys.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{m('keys.name')}</th>
                <th scope="col">{m('keys.prefix')}</th>
                <th scope="col">{m('keys.created')}</th>
                <th scope="col">{m('keys.lastUsed')}</th>
                <th scope="col">{m('col.state')}</th>
                <th scope="col">
                  <span className="sr-only">{m('col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((k) => (
                <tr key={k.id} data-key={k.id} data-name={k.name} className={k.revokedAt ? 'row-muted' : undefined}>
                  <th scope="row">{k.name}</th>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>{formatDateTime(k.createdAt, lang)}</td>
                  <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, lang) : m('keys.never')}</td>
                  <td>
                    {k.revokedAt ? (
                      <span className="pill pill-past">
                        {m('keys.revokedAt', { at: formatDateTime(k.revokedAt, lang) })}
                      </span>
                    ) : (
                      <span className="pill pill-current">{m('state.active')}</span>
                    )}
                  </td>
                  <td className="actions">
                    {!k.revokedAt && (
                      <button
                        type="button"
                        className="btn btn-small btn-danger-outline"
                        onClick={() => setRevoking(k)}
                        aria-label={m('keys.revokeNamed', { name: k.name })}
                      >
                        {m('keys.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p className="hint">{m('keys.empty')}</p>}
        </div>
      )}
      {creating && (
        <CreateKeyDialog
          onCreated={(k) => {
            setStatus(m('keys.createdDone', { name: k.name }));
            keys.reload();
          }}
          onClose={() => setCreating(false)}
        />
      )}
      {revoking && (
        <ConfirmDialog
          title={m('keys.revokeTitle', { name: revoking.name })}
          text={<p>{m('keys.revokeText')}</p>}
          confirmLabel={m('keys.revoke')}
          danger
          fallbackFocus={focusTitle}
          focusAfter={focusTitle}
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await adminApi.revokeApiKey(revoking.id);
            setStatus(m('keys.revoked', { name: revoking.name }));
            setRevoking(null);
            keys.reload();
          }}
        />
      )}
    </section>
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
          <div className="form-actions">
            <button type="button" className="btn btn-secondary" onClick={onClose}>
              {m('common.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="key-create">
              {busy ? m('keys.creating') : m('keys.create')}
            </button>
          </div>
        </AdminForm>
      )}
    </Dialog>
  );
}
