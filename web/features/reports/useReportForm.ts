import { useEffect, useState } from 'react';
import type { CreateReportResult } from '../../../shared/schemas/reports';
import { publicApi } from '../../api/endpoints';
import { isApiError } from '../../api/http';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../ui/errorMessage';
import { rememberCode } from '../track/recent';
import {
  clearDraft,
  emptyDraft,
  loadDraft,
  newIdempotencyKey,
  saveDraft,
  stepOfField,
  toInput,
  type Draft,
} from './draft';
import { fieldErrorMap } from './fieldMessages';
import { validateDraft } from './validate';

const firstStep = (errors: Record<string, string>): Draft['step'] =>
  Math.min(3, ...Object.keys(errors).map(stepOfField)) as Draft['step'];

/** The report form's state: the draft (saved on every change), errors, submission and its result. */
export function useReportForm() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(loadDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CreateReportResult | null>(null);

  useEffect(() => {
    if (!result) saveDraft(draft);
  }, [draft, result]);

  /** Changes draft fields and clears the errors of the fields changed. */
  const update = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    const touched = Object.keys(patch);
    setErrors((errs) => {
      const left = Object.entries(errs).filter(
        ([path]) => !touched.some((k) => path === k || path.startsWith(`${k}.`)),
      );
      return left.length === Object.keys(errs).length ? errs : Object.fromEntries(left);
    });
  };

  const goTo = (step: Draft['step']) => setDraft((d) => ({ ...d, step }));

  /** Next step, if the fields of this one are filled. */
  const next = () => {
    const errs = Object.fromEntries(
      Object.entries(validateDraft(draft, t)).filter(([path]) => stepOfField(path) <= draft.step),
    );
    setErrors(errs);
    if (Object.keys(errs).length) return;
    goTo(Math.min(3, draft.step + 1) as Draft['step']);
  };

  const submit = async () => {
    setFormError(null);
    const local = validateDraft(draft, t);
    if (Object.keys(local).length) {
      setErrors(local);
      goTo(firstStep(local));
      return;
    }
    setBusy(true);
    try {
      const created = await publicApi.createReport(toInput(draft), draft.idempotencyKey);
      rememberCode(created.trackingCode);
      clearDraft();
      setResult(created);
      setDraft(emptyDraft());
      setErrors({});
    } catch (err) {
      if (isApiError(err, 'validation_failed') && err.fieldErrors.length) {
        // Nothing was filed: the corrected report is a new request with a new key.
        const errs = fieldErrorMap(err.fieldErrors, t);
        setErrors(errs);
        setFormError(t('report.fixErrors'));
        setDraft((d) => ({ ...d, step: firstStep(errs), idempotencyKey: newIdempotencyKey() }));
      } else if (isApiError(err, 'idempotency_key_reused')) {
        setDraft((d) => ({ ...d, idempotencyKey: newIdempotencyKey() }));
        setFormError(t('report.keyReused'));
      } else {
        // Network or server failure: the outcome is unknown, so the retry keeps the same key.
        setFormError(errorMessage(err, t));
      }
    } finally {
      setBusy(false);
    }
  };

  const startOver = () => {
    setResult(null);
    setFormError(null);
  };

  return { draft, errors, formError, busy, result, update, goTo, next, submit, startOver };
}
