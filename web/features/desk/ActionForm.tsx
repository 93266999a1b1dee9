import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import { transitionFor, type ReportAction } from '../../../shared/domain/lifecycle';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { useI18n, type MessageKey } from '../../i18n';
import type { TemplateAction } from '../../api/endpoints';
import { DuplicateChoices } from './DuplicateChoices';
import { composeReason, REASON_PRESETS } from './reasons';
import { insertTemplate, TemplatePicker } from './TemplatePicker';
import { UnitSelect } from './UnitSelect';
import type { ActionExtra } from './useReportAction';
import { useTemplates } from './useTemplates';

/** Actions of this form whose text (a reason the resident reads) can start from a reply template. */
const TEMPLATED: Partial<Record<ReportAction, TemplateAction>> = { hand_back: 'hand_back', reject: 'reject' };

/** Where the keyboard goes when a form opens: its confirm button, its first field, or nowhere (opened by a click). */
export type FormFocus = 'submit' | 'first' | null;

/** What the panel gives an action's form: where the keyboard goes, the call's state and field errors, Cancel. */
export interface ActionFormProps {
  focus?: FormFocus;
  busy: boolean;
  serverErrors: Record<string, string>;
  onCancel: () => void;
}

/** True when an action needs more than a click (a unit, a reason, a note...). */
export const needsForm = (action: ReportAction): boolean => transitionFor(action).requires.length > 0;

/**
 * The inputs one action requires (from the lifecycle table), checked before sending. Resolving (the only
 * action that requires a note) has its own form, `ResolveForm`: the reply, after-photos and the category's rules.
 */
export function ActionForm({
  action,
  report,
  focus = null,
  busy,
  serverErrors,
  onSubmit,
  onCancel,
}: ActionFormProps & {
  action: ReportAction;
  report: Pick<StaffReportView, 'unit'> & Partial<Pick<StaffReportView, 'trackingCode' | 'category' | 'lat' | 'lng'>>;
  onSubmit: (extra: ActionExtra) => void;
}) {
  const { t } = useI18n();
  const uid = useId();
  const requires = transitionFor(action).requires;
  const presets = REASON_PRESETS[action] ?? [];
  const [unitId, setUnitId] = useState<number | ''>(action === 'dispatch' ? (report.unit?.id ?? '') : '');
  const [preset, setPreset] = useState<MessageKey | ''>('');
  const [details, setDetails] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const shown = { ...errors, ...serverErrors };
  const form = useRef<HTMLFormElement>(null);
  const initialFocus = useRef(focus);
  const templates = useTemplates(
    report.category?.code,
    requires.includes('reason') ? (TEMPLATED[action] ?? null) : null,
  );
  const detailsBox = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const box = form.current;
    if (!box || !initialFocus.current) return;
    const target =
      initialFocus.current === 'submit'
        ? box.querySelector<HTMLElement>('button[type="submit"]')
        : box.querySelector<HTMLElement>('select, textarea, input');
    target?.focus();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const extra: ActionExtra = {};
    if (requires.includes('unitId')) {
      if (unitId === '') errs.unitId = t('form.unit.required');
      else if (action === 'reroute' && unitId === report.unit?.id) errs.unitId = t('form.unit.same');
      else extra.unitId = unitId;
    }
    if (requires.includes('reason')) {
      const reason = composeReason(preset, details);
      if (!reason) errs.reason = t('form.reason.required');
      else extra.reason = reason.slice(0, LIMITS.reasonMax);
    }
    if (requires.includes('duplicateOf')) {
      if (!duplicateOf.trim()) errs.duplicateOf = t('form.note.required');
      else extra.duplicateOf = duplicateOf.trim().toUpperCase();
    }
    setErrors(errs);
    if (Object.keys(errs).length === 0) onSubmit(extra);
  };

  const err = (path: string) =>
    shown[path] ? (
      <p id={`${uid}-${path}-err`} className="field-error" role="alert">
        {shown[path]}
      </p>
    ) : null;
  const describedBy = (path: string) => (shown[path] ? `${uid}-${path}-err` : undefined);

  return (
    <form
      ref={form}
      className="action-form"
      onSubmit={submit}
      noValidate
      data-testid={`action-form-${action}`}
      aria-label={t(`action.${action}`)}
    >
      {requires.includes('unitId') && (
        <UnitSelect
          id={`${uid}-unit`}
          value={unitId}
          onChange={setUnitId}
          proposed={action === 'dispatch' ? report.unit?.id : undefined}
          exclude={action === 'reroute' ? report.unit?.id : undefined}
          error={shown.unitId}
        />
      )}
      {requires.includes('reason') && (
        <>
          <TemplatePicker
            templates={templates}
            onInsert={(text) => {
              setDetails((d) => insertTemplate(d, text).slice(0, LIMITS.reasonMax));
              detailsBox.current?.focus();
            }}
          />
          {presets.length > 0 && (
            <div className="field">
              <label htmlFor={`${uid}-preset`}>{t('form.reason')}</label>
              <select
                id={`${uid}-preset`}
                value={preset}
                onChange={(e) => setPreset(e.target.value as MessageKey | '')}
              >
                <option value="">{t('form.reason.choose')}</option>
                {presets.map((p) => (
                  <option key={p} value={p}>
                    {t(p)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className={`field${shown.reason ? ' has-error' : ''}`}>
            <label htmlFor={`${uid}-details`}>{presets.length ? t('form.reason.details') : t('form.reason')}</label>
            <textarea
              ref={detailsBox}
              id={`${uid}-details`}
              rows={2}
              maxLength={LIMITS.reasonMax}
              value={details}
              aria-invalid={shown.reason ? true : undefined}
              aria-describedby={describedBy('reason')}
              onChange={(e) => setDetails(e.target.value)}
            />
            {err('reason')}
          </div>
        </>
      )}
      {requires.includes('duplicateOf') && report.trackingCode && report.category && (
        <DuplicateChoices
          trackingCode={report.trackingCode}
          categoryCode={report.category.code}
          lat={report.lat ?? null}
          lng={report.lng ?? null}
          value={duplicateOf}
          onPick={setDuplicateOf}
        />
      )}
      {requires.includes('duplicateOf') && (
        <div className={`field${shown.duplicateOf ? ' has-error' : ''}`}>
          <label htmlFor={`${uid}-dup`}>{t('form.duplicateOf')}</label>
          <input
            id={`${uid}-dup`}
            value={duplicateOf}
            autoCapitalize="characters"
            aria-describedby={describedBy('duplicateOf')}
            onChange={(e) => setDuplicateOf(e.target.value)}
          />
          {err('duplicateOf')}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className={`btn ${action === 'reject' ? 'btn-danger' : 'btn-primary'}`} disabled={busy}>
          {t('common.confirm')}
        </button>
      </div>
    </form>
  );
}
