import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PRIORITIES, type Priority } from '../../../shared/domain/channels';
import { CategoryInput, CategoryPatch, PUBLIC_LOCATION_RULES, type AdminCategory } from '../../../shared/schemas/admin';
import { useI18n } from '../../i18n';
import { iconEmoji } from '../reports/categoryIcons';
import { adminApi } from './adminApi';
import {
  categoryBody,
  categoryForm,
  OTHER_PRIORITIES,
  questionProblems,
  type CategoryForm,
  type DeadlineForm,
  type DeadlineUnit,
  type PublicLocation,
} from './categoryForm';
import { check } from './errors';
import { AdminForm, FormActions, useSubmit } from './form';
import { CheckField, SelectField, TextField } from './fields';
import { useMessages } from './messages';
import { QuestionsEditor } from './QuestionsEditor';
import { AdminSection } from './section';

const FORM_ID = 'category-form';

/**
 * Creating or editing a category: names, group, icon, priority and deadlines, extra questions,
 * duplicates and reopening, dispatch and what the public map shows. Saving goes back to the list.
 */
export function CategoryEditor({
  category,
  categories,
  onSaved,
}: {
  /** null: a new category. */
  category: AdminCategory | null;
  /** Every category (for the group and icon suggestions). */
  categories: AdminCategory[];
  onSaved: (saved: AdminCategory, created: boolean) => void;
}) {
  const m = useMessages();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form, setForm] = useState<CategoryForm>(() => categoryForm(category));
  const { busy, failure, submit } = useSubmit();
  const set = <K extends keyof CategoryForm>(key: K, value: CategoryForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const groups = new Map<string, AdminCategory['groupName']>();
  for (const c of categories) if (!groups.has(c.group)) groups.set(c.group, c.groupName);
  const icons = [...new Set(categories.map((c) => c.icon))].sort();

  const chooseGroup = (group: string) =>
    setForm((f) => {
      const known = groups.get(group.trim());
      // An existing group brings its names along, unless they were already typed.
      return known && !f.groupVi && !f.groupEn
        ? { ...f, group, groupVi: known.vi, groupEn: known.en }
        : { ...f, group };
    });

  const save = () => {
    const body = categoryBody(form);
    const extra = questionProblems(form, m);
    if (category) {
      const { code: _code, ...patch } = body;
      void submit([...check(CategoryPatch, patch), ...extra], () => adminApi.updateCategory(category.code, patch)).then(
        (saved) => saved && onSaved(saved, false),
      );
    } else {
      void submit([...check(CategoryInput, body), ...extra], () => adminApi.createCategory(body)).then(
        (saved) => saved && onSaved(saved, true),
      );
    }
  };

  const priorityOptions = PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }));
  return (
    <AdminSection
      title={category ? m('categories.editTitle', { name: category.name.vi }) : m('categories.new')}
      intro={m('categories.editorIntro')}
      actions={
        <Link to="/admin/categories" className="btn btn-secondary">
          {m('categories.backToList')}
        </Link>
      }
    >
      <AdminForm
        id={FORM_ID}
        failure={failure}
        busy={busy}
        onSubmit={save}
        className="form-stack category-form"
        testId="category-form"
      >
        <fieldset>
          <legend>{m('categories.identity')}</legend>
          <div className="admin-grid-3">
            <TextField
              path="code"
              label={m('col.code')}
              hint={category ? m('categories.codeFixed') : m('hint.code')}
              value={form.code}
              disabled={!!category}
              spellCheck={false}
              maxLength={60}
              onChange={(v) => set('code', v)}
            />
            <TextField
              path="name.vi"
              label={m('field.nameVi')}
              lang="vi"
              value={form.nameVi}
              maxLength={200}
              onChange={(v) => set('nameVi', v)}
            />
            <TextField
              path="name.en"
              label={m('field.nameEn')}
              lang="en"
              value={form.nameEn}
              maxLength={200}
              onChange={(v) => set('nameEn', v)}
            />
            <TextField
              path="group"
              label={m('categories.group')}
              hint={m('categories.groupHint')}
              value={form.group}
              list={`${FORM_ID}-groups`}
              spellCheck={false}
              onChange={chooseGroup}
            />
            <TextField
              path="groupName.vi"
              label={m('categories.groupVi')}
              lang="vi"
              value={form.groupVi}
              onChange={(v) => set('groupVi', v)}
            />
            <TextField
              path="groupName.en"
              label={m('categories.groupEn')}
              lang="en"
              value={form.groupEn}
              onChange={(v) => set('groupEn', v)}
            />
            <div className="icon-field">
              <TextField
                path="icon"
                label={m('categories.icon')}
                hint={m('categories.iconHint')}
                value={form.icon}
                list={`${FORM_ID}-icons`}
                spellCheck={false}
                maxLength={40}
                onChange={(v) => set('icon', v)}
              />
              <span className="icon-preview" aria-hidden="true">
                {iconEmoji(form.icon)}
              </span>
            </div>
            <TextField
              path="sortOrder"
              type="number"
              label={m('categories.sortOrder')}
              optional
              step={1}
              value={form.sortOrder}
              onChange={(v) => set('sortOrder', v)}
            />
            <CheckField
              path="active"
              label={m('categories.active')}
              hint={m('categories.activeHint')}
              checked={form.active}
              onChange={(v) => set('active', v)}
              className="check-inline"
            />
          </div>
          <datalist id={`${FORM_ID}-groups`}>
            {[...groups].map(([code, n]) => (
              <option key={code} value={code}>
                {n.vi}
              </option>
            ))}
          </datalist>
          <datalist id={`${FORM_ID}-icons`}>
            {icons.map((i) => (
              <option key={i} value={i} />
            ))}
          </datalist>
        </fieldset>

        <fieldset data-testid="deadlines">
          <legend>{m('categories.deadlines')}</legend>
          <p className="hint">{m('categories.deadlinesHint')}</p>
          <SelectField
            path="defaultPriority"
            label={m('categories.defaultPriority')}
            value={form.defaultPriority}
            onChange={(v) => set('defaultPriority', v as Priority)}
            options={priorityOptions}
            className="narrow"
          />
          <DeadlineFields
            path="deadline"
            label={m('categories.deadlineNormal', { priority: t('priority.normal') })}
            priority={t('priority.normal')}
            value={form.deadline}
            onChange={(deadline) => set('deadline', deadline)}
          />
          {OTHER_PRIORITIES.map((p) => {
            const d = form.byPriority[p];
            const setP = (next: typeof d) => set('byPriority', { ...form.byPriority, [p]: next });
            return (
              <div key={p} className="priority-deadline" data-priority={p}>
                <CheckField
                  path={`deadlinesByPriority.${p}.on`}
                  label={m('categories.ownDeadline', { priority: t(`priority.${p}`) })}
                  checked={d.on}
                  onChange={(on) =>
                    setP({
                      ...d,
                      on,
                      value: on && !d.value ? form.deadline.value : d.value,
                      unit: on && !d.value ? form.deadline.unit : d.unit,
                    })
                  }
                />
                {d.on && (
                  <DeadlineFields
                    path={`deadlinesByPriority.${p}`}
                    label={m('categories.deadlineFor', { priority: t(`priority.${p}`) })}
                    priority={t(`priority.${p}`)}
                    value={d}
                    onChange={(next) => setP({ ...d, ...next })}
                  />
                )}
              </div>
            );
          })}
        </fieldset>

        <fieldset>
          <legend>{m('categories.questions')}</legend>
          <p className="hint">{m('categories.questionsHint')}</p>
          <QuestionsEditor formId={FORM_ID} questions={form.questions} onChange={(q) => set('questions', q)} />
        </fieldset>

        <fieldset>
          <legend>{m('categories.duplicates')}</legend>
          <div className="admin-grid-3">
            <TextField
              path="duplicateRadiusM"
              type="number"
              min={0}
              max={5000}
              step={1}
              label={m('categories.duplicateRadius')}
              hint={m('categories.duplicateRadiusHint')}
              value={form.duplicateRadiusM}
              onChange={(v) => set('duplicateRadiusM', v)}
            />
            <TextField
              path="duplicateDays"
              type="number"
              min={0}
              max={365}
              step={1}
              label={m('categories.duplicateDays')}
              value={form.duplicateDays}
              onChange={(v) => set('duplicateDays', v)}
            />
            <TextField
              path="reopenWindowDays"
              type="number"
              min={0}
              max={365}
              step={1}
              label={m('categories.reopenWindow')}
              hint={m('categories.reopenWindowHint')}
              value={form.reopenWindowDays}
              onChange={(v) => set('reopenWindowDays', v)}
            />
          </div>
        </fieldset>

        <fieldset>
          <legend>{m('categories.handling')}</legend>
          <CheckField
            path="autoDispatch"
            label={m('categories.autoDispatch')}
            hint={m('categories.autoDispatchHint')}
            checked={form.autoDispatch}
            onChange={(v) => set('autoDispatch', v)}
          />
          <CheckField
            path="resolveNeedsReply"
            label={m('categories.needsReply')}
            checked={form.resolveNeedsReply}
            onChange={(v) => set('resolveNeedsReply', v)}
          />
          <CheckField
            path="resolveNeedsPhoto"
            label={m('categories.needsPhoto')}
            checked={form.resolveNeedsPhoto}
            onChange={(v) => set('resolveNeedsPhoto', v)}
          />
          <fieldset className="radio-group">
            <legend>{m('categories.publicLocation')}</legend>
            {PUBLIC_LOCATION_RULES.map((rule) => (
              <label key={rule} className="inline-check">
                <input
                  type="radio"
                  name="publicLocation"
                  value={rule}
                  checked={form.publicLocation === rule}
                  onChange={() => set('publicLocation', rule as PublicLocation)}
                />
                <span>
                  {m(`publicLocation.${rule}`)}
                  <span className="sub">{m(`publicLocation.${rule}.hint`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </fieldset>

        <FormActions sticky busy={busy} onCancel={() => navigate('/admin/categories')} testId="category-save" />
      </AdminForm>
    </AdminSection>
  );
}

/** A deadline: a number and its unit (hours around the clock, or working days). */
function DeadlineFields({
  path,
  label,
  priority,
  value,
  onChange,
}: {
  path: string;
  label: string;
  /** The priority's name, so each field's label says which deadline it is. */
  priority: string;
  value: DeadlineForm;
  onChange: (next: DeadlineForm) => void;
}) {
  const m = useMessages();
  return (
    <fieldset className="deadline-fields" data-testid={`deadline-${path}`}>
      <legend>{label}</legend>
      <TextField
        path={`${path}.value`}
        type="number"
        min={0}
        step="any"
        label={m('deadline.value', { priority })}
        value={value.value}
        onChange={(v) => onChange({ ...value, value: v })}
      />
      <SelectField
        path={`${path}.unit`}
        label={m('deadline.unit', { priority })}
        value={value.unit}
        onChange={(v) => onChange({ ...value, unit: v as DeadlineUnit })}
        options={[
          { value: 'hours', label: m('deadline.unit.hours') },
          { value: 'working_days', label: m('deadline.unit.working_days') },
        ]}
      />
    </fieldset>
  );
}
