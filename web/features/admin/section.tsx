import type { ReactNode } from 'react';
import { clearMemo } from '../../api/memo';
import { isApiError } from '../../api/http';
import { useAsync } from '../../api/useAsync';
import { useI18n } from '../../i18n';
import { adminApi } from './adminApi';
import { localizeField, problemDetail, problemText } from './errors';
import { LiveStatus } from './form';
import { useMessages } from './messages';

/** The id of every admin screen's title: focused after moving between sections and when a dialog's opener is gone. */
export const TITLE_ID = 'admin-title';

/** Where focus goes when there is nowhere better: the section's title. */
export const focusTitle = () => document.getElementById(TITLE_ID);

/** A section's title, a sentence on what it is for, and its main actions. */
function SectionHead({ title, intro, actions }: { title: string; intro?: string; actions?: ReactNode }) {
  return (
    <header className="admin-head">
      <div>
        <h1 id={TITLE_ID} tabIndex={-1}>
          {title}
        </h1>
        {intro && <p className="hint">{intro}</p>}
      </div>
      {actions && <div className="admin-head-actions">{actions}</div>}
    </header>
  );
}

/**
 * An admin screen: its head (title, a sentence on what it is for, main actions), the live line that says
 * what its last change did (when it has `status`), then its content.
 */
export function AdminSection({
  title,
  intro,
  actions,
  status,
  children,
}: {
  title: string;
  intro?: string;
  actions?: ReactNode;
  status?: string | null;
  children?: ReactNode;
}) {
  return (
    <section className="admin-section" aria-labelledby={TITLE_ID}>
      <SectionHead title={title} intro={intro} actions={actions} />
      {status !== undefined && <LiveStatus message={status} />}
      {children}
    </section>
  );
}

/** A failed load or action, with the server's words and an optional retry. */
export function Problem({ error, onRetry, testId }: { error: unknown; onRetry?: () => void; testId?: string }) {
  const m = useMessages();
  const { t } = useI18n();
  const detail = problemDetail(error);
  return (
    <div className="notice notice-error" role="alert" data-testid={testId}>
      <div>
        <p className="error-summary-title">{problemText(error, m, t)}</p>
        {detail && <p className="error-summary-detail">{detail}</p>}
        {isApiError(error) && error.fieldErrors.length > 0 && (
          <ul>
            {error.fieldErrors.map((e, i) => (
              <li key={i}>
                {e.path && <code>{e.path}</code>}
                {e.path && ': '}
                {localizeField(e.message, m)}
              </li>
            ))}
          </ul>
        )}
      </div>
      {onRetry && (
        <button type="button" className="btn btn-small btn-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** The reference data other screens keep for the page's life are stale after an admin change. */
export function configChanged(): void {
  clearMemo();
}

// Admin lists, each loaded by the section that shows it (and reloaded after a change).
export const useAdminAreas = () => useAsync('admin:areas', (s) => adminApi.areas(s));
export const useAdminUnits = () => useAsync('admin:units', (s) => adminApi.units(s));
export const useAdminCategories = () => useAsync('admin:categories', (s) => adminApi.categories(s));
export const useAdminRules = () => useAsync('admin:rules', (s) => adminApi.rules(s));
export const useAdminTemplates = () => useAsync('admin:templates', (s) => adminApi.templates(s));
export const useAdminUsers = () => useAsync('admin:users', (s) => adminApi.users(s));
export const useAdminApiKeys = () => useAsync('admin:api-keys', (s) => adminApi.apiKeys(s));
