import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import {
  AreaImportOptions,
  type AreaImportPreview,
  type AreaImportProblem,
  type AreaImportResult,
} from '../../../shared/schemas/admin';
import { formatDate, useI18n } from '../../i18n';
import { Loading } from '../../ui/Feedback';
import { adminApi, type AreaOptions } from './adminApi';
import { todayInCity } from './areas';
import { check } from './errors';
import { AdminForm, LiveStatus, useSubmit } from './form';
import { CheckField, FileField, SelectField, TextField, type Option } from './fields';
import { useMessages, type AdminT } from './messages';
import { Problem } from './section';

const AreaPreviewMap = lazy(() => import('./AreaPreviewMap'));

/** How many problems are listed before "and n more" (the server lists at most 200 itself). */
const SHOWN_ERRORS = 250;

/** One problem of the file in words: which feature (and its code), and what is wrong. */
export function problemLine(p: AreaImportProblem, m: AdminT): string {
  if (p.feature === null) return m('areas.wizard.fileError', { message: p.message, path: p.path || '—' });
  return p.code
    ? m('areas.wizard.featureErrorCode', { n: p.feature + 1, code: p.code, message: p.message })
    : m('areas.wizard.featureError', { n: p.feature + 1, message: p.message });
}

interface Props {
  code: string;
  name: string;
  nameEn: string;
}

interface Answer {
  key: string;
  data?: AreaImportPreview;
  error?: unknown;
}

const EMPTY: Props = { code: '', name: '', nameEn: '' };

/**
 * Importing ward boundaries from a GeoJSON FeatureCollection: choose the file, look at what the server
 * read (features, problems, properties, replaced and new codes, the shapes on a map), choose the code
 * and name properties and the start date, then import. Nothing changes until the last step succeeds.
 */
export function AreaImportWizard({
  onClose,
  onImported,
}: {
  onClose: () => void;
  onImported: (result: AreaImportResult) => void;
}) {
  const m = useMessages();
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [fileSeq, setFileSeq] = useState(0);
  const [props, setProps] = useState<Props>(EMPTY);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [validFrom, setValidFrom] = useState(() => todayInCity());
  const [note, setNote] = useState('');
  const [retire, setRetire] = useState(false);
  const [result, setResult] = useState<AreaImportResult | null>(null);
  const { busy, failure, submit } = useSubmit();
  const suggestedFor = useRef(-1);
  const heading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const requestKey = file ? `${fileSeq}|${props.code}|${props.name}|${props.nameEn}|${validFrom}|${retire}` : null;
  const previewing = requestKey !== null && answer?.key !== requestKey;

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  // Every change of file, property, date or "retire" asks the server again (what is replaced, added and
  // ended depends on all of them); the first answer for a file fills in the suggested properties.
  useEffect(() => {
    if (!file || requestKey === null) return;
    const ctrl = new AbortController();
    const seq = fileSeq;
    const options: AreaOptions = {
      codeProperty: props.code || undefined,
      nameProperty: props.name || undefined,
      nameEnProperty: props.nameEn || undefined,
      validFrom: validFrom || undefined,
      retireMissing: retire || undefined,
    };
    adminApi.previewAreas(file, options, ctrl.signal).then(
      (data) => {
        if (ctrl.signal.aborted) return;
        setAnswer({ key: requestKey, data });
        if (suggestedFor.current !== seq) {
          suggestedFor.current = seq;
          const s = data.suggested;
          const names = new Set(data.properties.map((p) => p.name));
          const pick = (x: string | null, chosen: string) => chosen || (x && names.has(x) ? x : '');
          const next = {
            code: pick(s.code, props.code),
            name: pick(s.name, props.name),
            nameEn: pick(s.nameEn, props.nameEn),
          };
          if (next.code !== props.code || next.name !== props.name || next.nameEn !== props.nameEn) setProps(next);
        }
      },
      (error: unknown) => {
        if (!ctrl.signal.aborted) setAnswer({ key: requestKey, error });
      },
    );
    return () => ctrl.abort();
    // requestKey stands for the file and every option sent.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey]);

  const chooseFile = (next: File | null) => {
    setFile(next);
    setFileSeq((n) => n + 1);
    setProps(EMPTY);
    setAnswer(null);
  };

  const preview = answer?.data;
  const previewError = answer?.error;
  const featureErrors = preview?.errors ?? [];
  const options = (optional: boolean): Option[] => [
    { value: '', label: optional ? m('areas.wizard.noProperty') : m('areas.wizard.chooseProperty') },
    ...(preview?.properties ?? []).map((p) => ({
      value: p.name,
      label: p.examples.length ? `${p.name} — ${p.examples.slice(0, 2).join(', ')}` : p.name,
    })),
  ];
  const examples = (name: string) => preview?.properties.find((p) => p.name === name)?.examples ?? [];
  const examplesHint = (name: string) =>
    name && examples(name).length
      ? m('areas.wizard.examples', { values: examples(name).slice(0, 4).join(', ') })
      : undefined;
  const canImport = !!file && !!preview && !previewing && featureErrors.length === 0 && !!props.code && !!props.name;

  const doImport = () => {
    if (!file) return;
    const body: AreaOptions = {
      codeProperty: props.code,
      nameProperty: props.name,
      nameEnProperty: props.nameEn || undefined,
      validFrom: validFrom || undefined,
      note: note.trim() || undefined,
      retireMissing: retire || undefined,
    };
    void submit(check(AreaImportOptions, body), () => adminApi.importAreas(file, body)).then((r) => {
      if (!r) return;
      setResult(r);
      onImported(r);
    });
  };

  const step = result ? 3 : preview ? 2 : 1;
  return (
    <section className="card admin-wizard" aria-labelledby="area-import-title" data-testid="area-import">
      <header className="admin-wizard-head">
        <h2 id="area-import-title" ref={heading} tabIndex={-1}>
          {m('areas.wizard.title')}
        </h2>
        <ol className="wizard-steps">
          {(['areas.wizard.step1', 'areas.wizard.step2', 'areas.wizard.step3'] as const).map((key, i) => (
            <li
              key={key}
              aria-current={step === i + 1 ? 'step' : undefined}
              className={step > i + 1 ? 'done' : undefined}
            >
              {m(key)}
            </li>
          ))}
        </ol>
      </header>
      <LiveStatus
        message={
          result
            ? m('areas.wizard.imported', { n: result.imported })
            : previewing
              ? m('areas.wizard.previewing')
              : preview
                ? m('areas.wizard.previewReady', { n: preview.features })
                : null
        }
        tone={result ? 'success' : 'info'}
        hidden
      />
      {result ? (
        <div className="import-result" data-testid="import-result">
          <h3 ref={resultHeading} tabIndex={-1}>
            {m('areas.wizard.resultTitle')}
          </h3>
          <dl className="facts facts-grid">
            <div>
              <dt>{m('areas.wizard.result.imported')}</dt>
              <dd data-testid="result-imported">{result.imported}</dd>
            </div>
            <div>
              <dt>{m('areas.wizard.result.superseded')}</dt>
              <dd data-testid="result-superseded">{result.superseded}</dd>
            </div>
            <div>
              <dt>{m('areas.wizard.result.retired')}</dt>
              <dd data-testid="result-retired">{result.retired}</dd>
            </div>
            <div>
              <dt>{m('areas.validFrom')}</dt>
              <dd>{formatDate(result.validFrom, lang)}</dd>
            </div>
          </dl>
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={onClose}>
              {m('common.done')}
            </button>
          </div>
        </div>
      ) : (
        <AdminForm id="area-import" failure={failure} busy={busy} onSubmit={doImport}>
          <FileField
            path="file"
            label={m('areas.wizard.file')}
            hint={m('areas.wizard.fileHint')}
            accept=".geojson,.json,application/geo+json,application/json"
            onFile={chooseFile}
            testId="area-file"
          />
          {previewing && !preview && <Loading label={m('areas.wizard.previewing')} />}
          {previewError !== undefined && <Problem error={previewError} testId="preview-error" />}
          {preview && (
            <div className="preview" aria-busy={previewing || undefined} data-testid="area-preview">
              <p className="preview-count" data-testid="preview-features" data-count={preview.features}>
                {m('areas.wizard.features', { n: preview.features, vertices: preview.vertices })}
              </p>
              {featureErrors.length > 0 && (
                <div className="notice notice-error" data-testid="preview-errors">
                  <div>
                    <p className="error-summary-title">
                      {m('areas.wizard.featureErrors', { n: featureErrors.length })}
                    </p>
                    <ul>
                      {featureErrors.slice(0, SHOWN_ERRORS).map((e, i) => (
                        <li key={i} data-feature={e.feature ?? ''} data-path={e.path}>
                          {problemLine(e, m)}
                        </li>
                      ))}
                    </ul>
                    {featureErrors.length > SHOWN_ERRORS && (
                      <p>{m('areas.wizard.moreErrors', { n: featureErrors.length - SHOWN_ERRORS })}</p>
                    )}
                  </div>
                </div>
              )}
              <fieldset>
                <legend>{m('areas.wizard.properties')}</legend>
                <p className="hint">{m('areas.wizard.propertiesHint')}</p>
                <div className="admin-grid-3">
                  <SelectField
                    path="codeProperty"
                    label={m('areas.wizard.codeProperty')}
                    value={props.code}
                    onChange={(code) => setProps((p) => ({ ...p, code }))}
                    options={options(false)}
                    hint={examplesHint(props.code)}
                  />
                  <SelectField
                    path="nameProperty"
                    label={m('areas.wizard.nameProperty')}
                    value={props.name}
                    onChange={(name) => setProps((p) => ({ ...p, name }))}
                    options={options(false)}
                    hint={examplesHint(props.name)}
                  />
                  <SelectField
                    path="nameEnProperty"
                    label={m('areas.wizard.nameEnProperty')}
                    optional
                    value={props.nameEn}
                    onChange={(nameEn) => setProps((p) => ({ ...p, nameEn }))}
                    options={options(true)}
                    hint={examplesHint(props.nameEn) ?? m('areas.wizard.nameEnHint')}
                  />
                </div>
              </fieldset>
              <div className="preview-body">
                <div className="preview-map">
                  <Suspense fallback={<Loading />}>
                    <AreaPreviewMap
                      preview={preview.preview}
                      nameProperty={props.name}
                      codeProperty={props.code}
                      label={m('areas.wizard.map')}
                    />
                  </Suspense>
                  <ul className="map-legend hint">
                    <li>
                      <span className="legend-swatch legend-replace" aria-hidden="true" />{' '}
                      {m('areas.wizard.legendReplace')}
                    </li>
                    <li>
                      <span className="legend-swatch legend-add" aria-hidden="true" /> {m('areas.wizard.legendAdd')}
                    </li>
                    <li>
                      <span className="legend-swatch legend-problem" aria-hidden="true" />{' '}
                      {m('areas.wizard.legendProblem')}
                    </li>
                    <li>
                      <span className="legend-swatch legend-current" aria-hidden="true" />{' '}
                      {m('areas.wizard.legendCurrent')}
                    </li>
                  </ul>
                </div>
                <div className="preview-changes">
                  <CodeList
                    title={m('areas.wizard.replaces', { n: preview.replaces.length })}
                    codes={preview.replaces}
                    empty={m('areas.wizard.none')}
                    testId="preview-replaces"
                  />
                  <CodeList
                    title={m('areas.wizard.adds', { n: preview.adds.length })}
                    codes={preview.adds}
                    empty={m('areas.wizard.none')}
                    testId="preview-adds"
                  />
                  <CodeList
                    title={
                      retire
                        ? m('areas.wizard.retires', { n: preview.retires.length })
                        : m('areas.wizard.kept', { n: preview.retires.length })
                    }
                    codes={preview.retires}
                    empty={m('areas.wizard.none')}
                    testId="preview-retires"
                  />
                </div>
              </div>
              <fieldset>
                <legend>{m('areas.wizard.when')}</legend>
                <div className="admin-grid-2">
                  <TextField
                    path="validFrom"
                    type="date"
                    label={m('areas.validFrom')}
                    hint={m('areas.wizard.validFromHint')}
                    value={validFrom}
                    onChange={setValidFrom}
                  />
                  <TextField
                    path="note"
                    label={m('areas.note')}
                    optional
                    hint={m('areas.wizard.noteHint')}
                    value={note}
                    maxLength={300}
                    onChange={setNote}
                  />
                </div>
                <CheckField
                  path="retireMissing"
                  label={m('areas.wizard.retire')}
                  hint={m('areas.wizard.retireHint')}
                  checked={retire}
                  onChange={setRetire}
                />
              </fieldset>
              {!canImport && !previewing && (
                <p className="hint" data-testid="import-blocked">
                  {featureErrors.length > 0
                    ? m('areas.wizard.blockedErrors')
                    : !props.code || !props.name
                      ? m('areas.wizard.blockedProperties')
                      : null}
                </p>
              )}
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="btn btn-secondary" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button
              type="submit"
              className="btn btn-primary"
              disabled={!canImport || busy}
              data-testid="area-import-submit"
            >
              {busy ? m('areas.wizard.importing') : m('areas.wizard.import')}
            </button>
          </div>
        </AdminForm>
      )}
    </section>
  );
}

function CodeList({ title, codes, empty, testId }: { title: string; codes: string[]; empty: string; testId: string }) {
  return (
    <div className="code-list" data-testid={testId} data-count={codes.length}>
      <h3>{title}</h3>
      {codes.length ? (
        <ul>
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{empty}</p>
      )}
    </div>
  );
}
