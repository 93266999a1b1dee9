import { useState } from 'react';
import {
  RuleInput,
  type AdminArea,
  type AdminCategory,
  type AdminRule,
  type AdminUnit,
} from '../../../shared/schemas/admin';
import { adminApi } from './adminApi';
import { Dialog } from './Dialog';
import { check } from './errors';
import { AdminForm, FormActions, useSubmit } from './form';
import { SelectField } from './fields';
import { AdminTable, DangerConfirm, LoadGate, NewButton, RowButton, useAdminList } from './list';
import { useMessages } from './messages';
import { categoryName, describeRule, RuleTestTool, unitName, type RuleNames } from './RuleTestTool';
import { focusTitle, AdminSection, useAdminAreas, useAdminCategories, useAdminRules, useAdminUnits } from './section';

/** Rules by category (any last), then area (any last). */
function sortRules(rules: readonly AdminRule[]): AdminRule[] {
  const key = (x: string | null) => (x === null ? '\uffff' : x);
  return [...rules].sort(
    (a, b) => key(a.categoryCode).localeCompare(key(b.categoryCode)) || key(a.areaCode).localeCompare(key(b.areaCode)),
  );
}

/** `/admin/rules`: category x area -> unit, and the "test a point" tool. */
export function RulesSection() {
  const m = useMessages();
  const rules = useAdminRules();
  const categories = useAdminCategories();
  const units = useAdminUnits();
  const areas = useAdminAreas();
  const { editing, setEditing, confirming, setConfirming, status, done } = useAdminList<AdminRule>(rules, {
    config: true,
  });
  const [filter, setFilter] = useState('');

  const currentAreas = (areas.data ?? []).filter((a) => a.status === 'current');
  const names: RuleNames = {
    categories: categories.data ?? [],
    units: units.data ?? [],
    areaName: (code) =>
      currentAreas.find((a) => a.code === code)?.name.vi ?? areas.data?.find((a) => a.code === code)?.name.vi ?? code,
  };
  const error = rules.error ?? categories.error ?? units.error;
  const ready = rules.data && categories.data && units.data && areas.data;
  const shown = sortRules(rules.data ?? []).filter(
    (r) => !filter || (filter === '*' ? r.categoryCode === null : r.categoryCode === filter),
  );

  return (
    <AdminSection
      title={m('rules.title')}
      intro={m('rules.intro')}
      actions={
        <NewButton onClick={() => setEditing('new')} disabled={!ready} testId="rule-new">
          {m('rules.new')}
        </NewButton>
      }
      status={status}
    >
      <LoadGate
        state={{
          data: ready || undefined,
          error,
          reload: () => [rules, categories, units, areas].forEach((x) => x.reload()),
        }}
      >
        {() => (
          <>
            <div className="admin-toolbar">
              <div className="field field-inline">
                <label htmlFor="rules-filter">{m('rules.filter')}</label>
                <select id="rules-filter" value={filter} onChange={(e) => setFilter(e.target.value)}>
                  <option value="">{m('rules.filterAll')}</option>
                  <option value="*">{m('rules.anyCategory')}</option>
                  {names.categories.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name.vi}
                    </option>
                  ))}
                </select>
              </div>
              <p className="hint" aria-live="polite">
                {m('rules.count', { n: shown.length, total: rules.data?.length ?? 0 })}
              </p>
            </div>
            <AdminTable
              testId="rules-table"
              caption={m('rules.title')}
              columns={[m('rules.category'), m('rules.area'), m('rules.unit')]}
              empty={shown.length === 0 ? m('rules.empty') : null}
            >
              {shown.map((r) => (
                <tr key={r.id} data-rule={r.id}>
                  <th scope="row" className={r.categoryCode === null ? 'any' : undefined}>
                    {categoryName(r.categoryCode, names, m)}
                  </th>
                  <td className={r.areaCode === null ? 'any' : undefined}>
                    {r.areaCode === null ? m('rules.anyArea') : names.areaName(r.areaCode)}
                  </td>
                  <td>{unitName(r.unitId, names, m)}</td>
                  <td className="actions">
                    <RowButton
                      onClick={() => setEditing(r)}
                      label={m('rules.editNamed', { rule: describeRule(r, names, m) })}
                    >
                      {m('common.edit')}
                    </RowButton>
                    <RowButton
                      danger
                      onClick={() => setConfirming(r)}
                      label={m('rules.deleteNamed', { rule: describeRule(r, names, m) })}
                    >
                      {m('common.delete')}
                    </RowButton>
                  </td>
                </tr>
              ))}
            </AdminTable>
            <RuleTestTool rules={rules.data ?? []} names={names} />
          </>
        )}
      </LoadGate>
      {editing && (
        <RuleDialog
          rule={editing === 'new' ? null : editing}
          categories={names.categories}
          units={names.units}
          areas={currentAreas}
          onClose={() => setEditing(null)}
          onSaved={(r, created) =>
            done(m(created ? 'rules.created' : 'rules.saved', { rule: describeRule(r, names, m) }))
          }
        />
      )}
      {confirming && (
        <DangerConfirm
          title={m('rules.deleteTitle')}
          text={m('rules.deleteText', { rule: describeRule(confirming, names, m) })}
          onClose={() => setConfirming(null)}
          onConfirm={async () => {
            await adminApi.deleteRule(confirming.id);
            done(m('rules.deleted', { rule: describeRule(confirming, names, m) }));
          }}
        />
      )}
    </AdminSection>
  );
}

/** Adding or changing one rule. */
function RuleDialog({
  rule,
  categories,
  units,
  areas,
  onClose,
  onSaved,
}: {
  rule: AdminRule | null;
  categories: readonly AdminCategory[];
  units: readonly AdminUnit[];
  areas: readonly AdminArea[];
  onClose: () => void;
  onSaved: (rule: AdminRule, created: boolean) => void;
}) {
  const m = useMessages();
  const [categoryCode, setCategoryCode] = useState(rule?.categoryCode ?? '');
  const [areaCode, setAreaCode] = useState(rule?.areaCode ?? '');
  const [unitId, setUnitId] = useState(rule ? String(rule.unitId) : '');
  const { busy, failure, submit } = useSubmit();

  const save = () => {
    const body = {
      categoryCode: categoryCode || null,
      areaCode: areaCode || null,
      unitId: unitId ? Number(unitId) : 0,
    };
    const problems = check(RuleInput, body).map((e) =>
      e.path === 'unitId' ? { path: 'unitId', message: m('rules.unitRequired') } : e,
    );
    void submit(problems, () => (rule ? adminApi.updateRule(rule.id, body) : adminApi.createRule(body))).then(
      (saved) => saved && onSaved(saved, !rule),
    );
  };

  const keep = (code: string, list: readonly { value: string }[]) =>
    code && !list.some((o) => o.value === code) ? [{ value: code, label: code }] : [];
  const areaOptions = areas.map((a) => ({ value: a.code, label: a.name.vi }));
  return (
    <Dialog title={rule ? m('rules.editTitle') : m('rules.new')} onClose={onClose} fallbackFocus={focusTitle}>
      <AdminForm id="rule-form" failure={failure} busy={busy} onSubmit={save} testId="rule-form">
        <p className="hint">{m('rules.formHint')}</p>
        <SelectField
          path="categoryCode"
          label={m('rules.category')}
          value={categoryCode}
          onChange={setCategoryCode}
          options={[
            { value: '', label: m('rules.anyCategory') },
            ...categories.map((c) => ({
              value: c.code,
              label: c.active ? c.name.vi : `${c.name.vi} (${m('state.inactive')})`,
            })),
          ]}
        />
        <SelectField
          path="areaCode"
          label={m('rules.area')}
          value={areaCode}
          onChange={setAreaCode}
          options={[{ value: '', label: m('rules.anyArea') }, ...areaOptions, ...keep(areaCode, areaOptions)]}
        />
        <SelectField
          path="unitId"
          label={m('rules.unit')}
          value={unitId}
          onChange={setUnitId}
          options={[
            { value: '', label: m('rules.chooseUnit') },
            ...units
              .filter((u) => u.active || String(u.id) === unitId)
              .map((u) => ({ value: String(u.id), label: u.name.vi })),
          ]}
        />
        <FormActions busy={busy} onCancel={onClose} />
      </AdminForm>
    </Dialog>
  );
}
