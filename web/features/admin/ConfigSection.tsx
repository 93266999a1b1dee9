import { useRef, useState } from 'react';
import type { ConfigImportSummary } from '../../../shared/schemas/admin';
import { adminApi } from './adminApi';
import { ConfirmDialog } from './Dialog';
import { AdminForm } from './form';
import { FileField } from './fields';
import { useMessages, type AdminT } from './messages';
import { configChanged, focusTitle, Problem, AdminSection } from './section';

/** What a configuration file holds at its top level: lists with their length, and plain values. */
export function fileSummary(config: unknown, m: AdminT): { key: string; value: string }[] {
  if (!config || typeof config !== 'object' || Array.isArray(config)) return [];
  return Object.entries(config as Record<string, unknown>).map(([key, value]) => ({
    key,
    value: Array.isArray(value)
      ? m('config.items', { n: value.length })
      : value && typeof value === 'object'
        ? m('config.fields', { n: Object.keys(value).length })
        : String(value),
  }));
}

const names = (list: string[]) => (list.length ? ` (${list.join(', ')})` : '');

/** What an import changed, one line per part of the configuration. */
export function summaryLines(s: ConfigImportSummary, m: AdminT): { key: string; label: string; text: string }[] {
  const entities = (x: { created: string[]; updated: string[]; unchanged: number }) =>
    m('config.sum.entities', {
      created: x.created.length,
      createdNames: names(x.created),
      updated: x.updated.length,
      updatedNames: names(x.updated),
      unchanged: x.unchanged,
    });
  const replaced = (x: { removed: number; added: number }) => m('config.sum.replaced', x);
  return [
    { key: 'units', label: m('section.units'), text: entities(s.units) },
    { key: 'categories', label: m('section.categories'), text: entities(s.categories) },
    {
      key: 'areas',
      label: m('section.areas'),
      text: s.areas.changed
        ? m('config.sum.areas', {
            imported: s.areas.imported,
            superseded: s.areas.superseded,
            retired: s.areas.retired,
          })
        : m('config.sum.unchanged'),
    },
    { key: 'rules', label: m('section.rules'), text: replaced(s.rules) },
    { key: 'templates', label: m('section.templates'), text: replaced(s.templates) },
    {
      key: 'calendar',
      label: m('section.calendar'),
      text: s.calendar.changed ? m('config.sum.changed') : m('config.sum.unchanged'),
    },
    {
      key: 'users',
      label: m('section.users'),
      text: m('config.sum.users', {
        created: s.users.created.length,
        names: names(s.users.created),
        existing: s.users.existing,
      }),
    },
  ];
}

/** A file's text (FileReader: every browser, and the test DOM, has it). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsText(file);
  });
}

interface Chosen {
  name: string;
  config: unknown;
}

/** `/admin/config`: the whole configuration as one file, out and back in. */
export function ConfigSection() {
  const m = useMessages();
  const [status, setStatus] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [importError, setImportError] = useState<unknown>(null);
  const [result, setResult] = useState<ConfigImportSummary | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const download = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const { blob, filename } = await adminApi.exportConfig();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus(m('config.exported', { file: filename }));
    } catch (err) {
      setExportError(err);
    } finally {
      setExporting(false);
    }
  };

  const choose = async (file: File | null) => {
    setChosen(null);
    setReadError(null);
    setImportError(null);
    setResult(null);
    if (!file) return;
    try {
      setChosen({ name: file.name, config: JSON.parse(await readText(file)) as unknown });
    } catch {
      setReadError(m('config.notJson', { file: file.name }));
    }
  };

  const summary = chosen ? fileSummary(chosen.config, m) : [];
  return (
    <AdminSection title={m('config.title')} intro={m('config.intro')} status={status}>
      <div className="admin-columns">
        <section className="card" aria-labelledby="config-export-title">
          <h2 id="config-export-title">{m('config.export')}</h2>
          <p className="hint">{m('config.exportHint')}</p>
          {exportError !== null && <Problem error={exportError} />}
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void download()}
            disabled={exporting}
            data-testid="config-export"
          >
            {exporting ? m('config.exporting') : m('config.download')}
          </button>
        </section>
        <section className="card" aria-labelledby="config-import-title">
          <h2 id="config-import-title">{m('config.import')}</h2>
          <p className="hint">{m('config.importHint')}</p>
          <AdminForm
            id="config-import"
            failure={null}
            onSubmit={() => chosen && setConfirming(true)}
            testId="config-import-form"
          >
            <FileField
              path="file"
              label={m('config.file')}
              accept=".json,application/json"
              onFile={(f) => void choose(f)}
              testId="config-file"
            />
            {readError && (
              <p className="notice notice-error" role="alert">
                {readError}
              </p>
            )}
            {chosen && summary.length > 0 && (
              <div data-testid="config-file-summary">
                <h3>{m('config.fileHolds', { file: chosen.name })}</h3>
                <dl className="facts facts-grid">
                  {summary.map((s) => (
                    <div key={s.key}>
                      <dt>{s.key}</dt>
                      <dd>{s.value}</dd>
                    </div>
                  ))}
                </dl>
              </div>
            )}
            {importError !== null && <Problem error={importError} testId="config-import-error" />}
            <div className="form-actions">
              <button type="submit" className="btn btn-danger" disabled={!chosen} data-testid="config-import">
                {m('config.replace')}
              </button>
            </div>
          </AdminForm>
          {result && (
            <div className="notice notice-success import-result" data-testid="config-import-result">
              <div>
                <h3 ref={resultRef} tabIndex={-1}>
                  {m('config.imported')}
                </h3>
                <dl className="facts">
                  {summaryLines(result, m).map((r) => (
                    <div key={r.key} data-part={r.key}>
                      <dt>{r.label}</dt>
                      <dd>{r.text}</dd>
                    </div>
                  ))}
                </dl>
                {result.users.created.length > 0 && <p>{m('config.sum.usersHint')}</p>}
              </div>
            </div>
          )}
        </section>
      </div>
      {confirming && chosen && (
        <ConfirmDialog
          title={m('config.confirmTitle')}
          text={<p>{m('config.confirmText', { file: chosen.name })}</p>}
          confirmLabel={m('config.replace')}
          danger
          fallbackFocus={focusTitle}
          focusAfter={() => resultRef.current}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            setImportError(null);
            try {
              const answer = await adminApi.importConfig(chosen.config);
              setResult(answer);
              setStatus(m('config.imported'));
              configChanged();
            } catch (err) {
              // The server checked everything first: nothing changed. Its errors stay on the page, not in the dialog.
              setImportError(err);
            }
            setConfirming(false);
          }}
        />
      )}
    </AdminSection>
  );
}
