import { useState } from 'react';
import { TEMPLATE_ACTIONS, TemplateInput, type AdminCategory, type ReplyTemplate } from '../../../shared/schemas/admin';
import { useI18n } from '../../i18n';
import { adminApi } from './adminApi';
import { Dialog } from './Dialog';
import { check } from './errors';
import { AdminForm, FormActions, useSubmit } from './form';
import { SelectField, TextArea, TextField } from './fields';
import { AdminTable, DangerConfirm, LoadGate, NewButton, RowButton, useAdminList } from './list';
import { useMessages } from './messages';
import { focusTitle, AdminSection, useAdminCategories, useAdminTemplates } from './section';

type Action = (typeof TEMPLATE_ACTIONS)[number];
/** The category filter: every template, those for any category, or one category's. */
const ALL = '';
const ANY = '*';

/** `/admin/templates`: reply templates staff pick from, per category and action, in both languages. */
export function TemplatesSection() {
  const m = useMessages();
  const { t } = useI18n();
  const templates = useAdminTemplates();
  const categories = useAdminCategories();
  const [category, setCategory] = useState(ALL);
  const [action, setAction] = useState('');
  const { editing, setEditing, confirming, setConfirming, status, done } = useAdminList<ReplyTemplate>(templates);

  const categoryName = (code: string | null) =>
    code === null ? m('templates.anyCategory') : (categories.data?.find((c) => c.code === code)?.name.vi ?? code);
  const rows = (templates.data ?? [])
    .filter((x) => category === ALL || (category === ANY ? x.categoryCode === null : x.categoryCode === category))
    .filter((x) => !action || x.action === action)
    .sort(
      (a, b) =>
        (a.categoryCode ?? '').localeCompare(b.categoryCode ?? '') ||
        TEMPLATE_ACTIONS.indexOf(a.action) - TEMPLATE_ACTIONS.indexOf(b.action) ||
        a.sortOrder - b.sortOrder,
    );

  return (
    <AdminSection
      title={m('templates.title')}
      intro={m('templates.intro')}
      actions={
        <NewButton onClick={() => setEditing('new')} disabled={!categories.data} testId="template-new">
          {m('templates.new')}
        </NewButton>
      }
      status={status}
    >
      <div className="admin-toolbar">
        <div className="field field-inline">
          <label htmlFor="templates-category">{m('templates.category')}</label>
          <select id="templates-category" value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value={ALL}>{m('templates.filterAll')}</option>
            <option value={ANY}>{m('templates.anyCategory')}</option>
            {categories.data?.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name.vi}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="templates-action">{m('templates.action')}</label>
          <select id="templates-action" value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">{m('templates.allActions')}</option>
            {TEMPLATE_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`action.${a}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <LoadGate state={templates}>
        {() => (
          <AdminTable
            testId="templates-table"
            caption={m('templates.title')}
            columns={[m('templates.titleCol'), m('templates.category'), m('templates.action'), m('templates.text')]}
            empty={rows.length === 0 ? m('templates.empty') : null}
          >
            {rows.map((x) => (
              <tr key={x.id} data-template={x.id}>
                <th scope="row">
                  <span lang="vi">{x.title.vi}</span>
                  <span className="sub" lang="en">
                    {x.title.en}
                  </span>
                </th>
                <td className={x.categoryCode === null ? 'any' : undefined}>{categoryName(x.categoryCode)}</td>
                <td>{t(`action.${x.action}`)}</td>
                <td className="wrap clamp" lang="vi">
                  {x.text.vi}
                </td>
                <td className="actions">
                  <RowButton onClick={() => setEditing(x)} label={m('templates.editNamed', { title: x.title.vi })}>
                    {m('common.edit')}
                  </RowButton>
                  <RowButton
                    danger
                    onClick={() => setConfirming(x)}
                    label={m('templates.deleteNamed', { title: x.title.vi })}
                  >
                    {m('common.delete')}
                  </RowButton>
                </td>
              </tr>
            ))}
          </AdminTable>
        )}
      </LoadGate>
      {editing && categories.data && (
        <TemplateDialog
          template={editing === 'new' ? null : editing}
          categories={categories.data}
          defaults={{
            categoryCode: category === ALL || category === ANY ? null : category,
            action: (action || 'acknowledge') as Action,
          }}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) =>
            done(m(created ? 'templates.created' : 'templates.saved', { title: saved.title.vi }))
          }
        />
      )}
      {confirming && (
        <DangerConfirm
          title={m('templates.deleteTitle')}
          text={m('templates.deleteText', { title: confirming.title.vi })}
          onClose={() => setConfirming(null)}
          onConfirm={async () => {
            await adminApi.deleteTemplate(confirming.id);
            done(m('templates.deleted', { title: confirming.title.vi }));
          }}
        />
      )}
    </AdminSection>
  );
}

/** Writing one template in both languages. */
function TemplateDialog({
  template,
  categories,
  defaults,
  onClose,
  onSaved,
}: {
  template: ReplyTemplate | null;
  categories: readonly AdminCategory[];
  defaults: { categoryCode: string | null; action: Action };
  onClose: () => void;
  onSaved: (t: ReplyTemplate, created: boolean) => void;
}) {
  const m = useMessages();
  const { t } = useI18n();
  const [categoryCode, setCategoryCode] = useState(
    template ? (template.categoryCode ?? '') : (defaults.categoryCode ?? ''),
  );
  const [action, setAction] = useState<Action>(template?.action ?? defaults.action);
  const [titleVi, setTitleVi] = useState(template?.title.vi ?? '');
  const [titleEn, setTitleEn] = useState(template?.title.en ?? '');
  const [textVi, setTextVi] = useState(template?.text.vi ?? '');
  const [textEn, setTextEn] = useState(template?.text.en ?? '');
  const [sortOrder, setSortOrder] = useState(template ? String(template.sortOrder) : '');
  const { busy, failure, submit } = useSubmit();

  const save = () => {
    const order = sortOrder.trim() === '' ? undefined : Number(sortOrder);
    const body = {
      categoryCode: categoryCode || null,
      action,
      title: { vi: titleVi, en: titleEn },
      text: { vi: textVi, en: textEn },
      ...(order === undefined ? {} : { sortOrder: order }),
    };
    void submit(check(TemplateInput, body), () =>
      template ? adminApi.updateTemplate(template.id, body) : adminApi.createTemplate(body),
    ).then((saved) => saved && onSaved(saved, !template));
  };

  return (
    <Dialog
      title={template ? m('templates.editTitle') : m('templates.new')}
      onClose={onClose}
      wide
      fallbackFocus={focusTitle}
    >
      <AdminForm id="template-form" failure={failure} busy={busy} onSubmit={save} testId="template-form">
        <div className="admin-grid-3">
          <SelectField
            path="categoryCode"
            label={m('templates.category')}
            value={categoryCode}
            onChange={setCategoryCode}
            options={[
              { value: '', label: m('templates.anyCategory') },
              ...categories.map((c) => ({ value: c.code, label: c.name.vi })),
            ]}
          />
          <SelectField
            path="action"
            label={m('templates.action')}
            value={action}
            onChange={(v) => setAction(v as Action)}
            options={TEMPLATE_ACTIONS.map((a) => ({ value: a, label: t(`action.${a}`) }))}
          />
          <TextField
            path="sortOrder"
            type="number"
            step={1}
            label={m('templates.sortOrder')}
            optional
            value={sortOrder}
            onChange={setSortOrder}
          />
        </div>
        <div className="admin-grid-2">
          <div className="form-stack">
            <TextField
              path="title.vi"
              label={m('templates.titleVi')}
              lang="vi"
              value={titleVi}
              maxLength={200}
              onChange={setTitleVi}
            />
            <TextArea
              path="text.vi"
              label={m('templates.textVi')}
              lang="vi"
              rows={6}
              maxLength={2000}
              value={textVi}
              onChange={setTextVi}
            />
          </div>
          <div className="form-stack">
            <TextField
              path="title.en"
              label={m('templates.titleEn')}
              lang="en"
              value={titleEn}
              maxLength={200}
              onChange={setTitleEn}
            />
            <TextArea
              path="text.en"
              label={m('templates.textEn')}
              lang="en"
              rows={6}
              maxLength={2000}
              value={textEn}
              onChange={setTextEn}
            />
          </div>
        </div>
        <FormActions busy={busy} onCancel={onClose} />
      </AdminForm>
    </Dialog>
  );
}
