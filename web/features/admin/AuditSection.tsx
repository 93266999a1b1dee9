import { useEffect, useMemo, useState } from 'react';
import type { AuditEntry } from '../../../shared/schemas/admin';
import { useAsync } from '../../api/useAsync';
import { formatDateTime, useI18n } from '../../i18n';
import { Loading } from '../../ui/Feedback';
import { adminApi } from './adminApi';
import { auditDiff, formatValue } from './auditDiff';
import { useMessages, isAdminKey, type AdminT } from './messages';
import { Problem, AdminSection } from './section';

/** Entries per page. */
export const AUDIT_PAGE = 50;

/** What the audit log records changes of (the server's `entity` values). */
export const AUDIT_ENTITIES = [
  'area',
  'unit',
  'category',
  'rule',
  'template',
  'calendar',
  'user',
  'api_key',
  'config',
] as const;

/** How many changed fields an entry shows before "and n more". */
const SHOWN_FIELDS = 30;

const label = (m: AdminT, prefix: string, value: string) => {
  const key = `${prefix}.${value}`;
  return isAdminKey(key) ? m(key) : value;
};

interface More {
  entity: string;
  items: AuditEntry[];
  done: boolean;
}

/** `/admin/audit`: every administrative change, newest first: who, when, and the fields before and after. */
export function AuditSection() {
  const m = useMessages();
  const [entity, setEntity] = useState('');
  const first = useAsync(`admin:audit:${entity}`, (s) =>
    adminApi.audit({ entity: entity || undefined, limit: AUDIT_PAGE }, s),
  );
  const [more, setMore] = useState<More | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [focusId, setFocusId] = useState<number | null>(null);

  // Keyboard users carry on reading at the first entry a "load more" brought.
  useEffect(() => {
    if (focusId !== null) document.getElementById(`audit-${focusId}`)?.focus();
  }, [focusId]);

  const extra = more && more.entity === entity ? more : null;
  const items = [...(first.data ?? []), ...(extra?.items ?? [])];
  const hasMore = extra ? !extra.done : (first.data?.length ?? 0) >= AUDIT_PAGE;

  const loadMore = async () => {
    const last = items[items.length - 1];
    if (!last) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await adminApi.audit({ entity: entity || undefined, before: last.id, limit: AUDIT_PAGE });
      setMore({ entity, items: [...(extra?.items ?? []), ...page], done: page.length < AUDIT_PAGE });
      if (page[0]) setFocusId(page[0].id);
    } catch (err) {
      setMoreError(err);
    } finally {
      setLoadingMore(false);
    }
  };

  const refresh = () => {
    setMore(null);
    first.reload();
  };

  const seen = [...new Set((first.data ?? []).map((e) => e.entity))];
  const entities = [...AUDIT_ENTITIES, ...seen.filter((e) => !(AUDIT_ENTITIES as readonly string[]).includes(e))];
  return (
    <AdminSection
      title={m('audit.title')}
      intro={m('audit.intro')}
      actions={
        <button type="button" className="btn btn-secondary" onClick={refresh} data-testid="audit-refresh">
          {m('audit.refresh')}
        </button>
      }
    >
      <div className="admin-toolbar">
        <div className="field field-inline">
          <label htmlFor="audit-entity">{m('audit.entity')}</label>
          <select
            id="audit-entity"
            value={entity}
            onChange={(e) => {
              setEntity(e.target.value);
              setMore(null);
            }}
            data-testid="audit-entity"
          >
            <option value="">{m('audit.allEntities')}</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {label(m, 'audit.entity', e)}
              </option>
            ))}
          </select>
        </div>
        <p className="hint" aria-live="polite" data-testid="audit-count">
          {first.data ? m('audit.count', { n: items.length }) : ''}
        </p>
      </div>
      {first.error !== undefined && !first.data ? (
        <Problem error={first.error} onRetry={first.reload} />
      ) : !first.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="hint">{m('audit.empty')}</p>
      ) : (
        <>
          <ol className="audit-list" data-testid="audit-list" aria-busy={first.loading || undefined}>
            {items.map((e) => (
              <AuditItem key={e.id} entry={e} />
            ))}
          </ol>
          {moreError !== null && <Problem error={moreError} onRetry={() => void loadMore()} />}
          {hasMore && (
            <div className="form-actions">
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => void loadMore()}
                disabled={loadingMore}
                data-testid="audit-more"
              >
                {loadingMore ? m('common.loading') : m('audit.more')}
              </button>
            </div>
          )}
        </>
      )}
    </AdminSection>
  );
}

/** One change: who, when, what, and its fields before and after. */
export function AuditItem({ entry }: { entry: AuditEntry }) {
  const m = useMessages();
  const { lang } = useI18n();
  const changes = useMemo(() => auditDiff(entry.before, entry.after), [entry.before, entry.after]);
  const words = {
    yes: m('common.yes'),
    no: m('common.no'),
    empty: m('audit.emptyValue'),
    instant: (iso: string) => formatDateTime(iso, lang),
  };
  return (
    <li
      className="audit-item"
      id={`audit-${entry.id}`}
      tabIndex={-1}
      data-testid="audit-entry"
      data-entity={entry.entity}
      data-action={entry.action}
    >
      <p className="audit-head">
        <span className={`pill pill-action pill-${entry.action}`}>{label(m, 'audit.action', entry.action)}</span>{' '}
        <strong>{label(m, 'audit.entity', entry.entity)}</strong>
        {entry.entityId && (
          <>
            {' '}
            <code>{entry.entityId}</code>
          </>
        )}
        <span className="audit-meta">{m('audit.by', { actor: entry.actor, at: formatDateTime(entry.at, lang) })}</span>
      </p>
      {changes.length === 0 ? (
        <p className="hint">{m('audit.noFields')}</p>
      ) : (
        <table className="admin-table compact audit-diff" data-testid="audit-diff">
          <caption className="sr-only">{m('audit.diffCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{m('audit.field')}</th>
              <th scope="col">{m('audit.before')}</th>
              <th scope="col">{m('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.slice(0, SHOWN_FIELDS).map((c) => (
              <tr key={c.path} data-path={c.path} data-kind={c.kind}>
                <th scope="row">
                  <code>{c.path}</code>
                </th>
                <td className="diff-before">
                  {c.kind === 'added' ? (
                    <span className="hint">{m('audit.none')}</span>
                  ) : (
                    <del>
                      <span className="sr-only">{m('audit.removedValue')} </span>
                      {formatValue(c.before, words)}
                    </del>
                  )}
                </td>
                <td className="diff-after">
                  {c.kind === 'removed' ? (
                    <span className="hint">{m('audit.none')}</span>
                  ) : (
                    <ins>
                      <span className="sr-only">{m('audit.addedValue')} </span>
                      {formatValue(c.after, words)}
                    </ins>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {changes.length > SHOWN_FIELDS && (
        <p className="hint">{m('audit.moreFields', { n: changes.length - SHOWN_FIELDS })}</p>
      )}
    </li>
  );
}
