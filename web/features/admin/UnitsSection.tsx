import { useState } from 'react';
import { UNIT_KINDS, UnitInput, UnitPatch, type AdminArea, type AdminUnit } from '../../../shared/schemas/admin';
import type { FieldError } from '../../../shared/domain/errors';
import { adminApi } from './adminApi';
import { Dialog } from './Dialog';
import { check } from './errors';
import { AdminForm, FormActions, useSubmit } from './form';
import { CheckField, SelectField, TextField } from './fields';
import { AdminTable, LoadGate, NewButton, RowButton, StatePill, useAdminList } from './list';
import { useMessages } from './messages';
import { focusTitle, AdminSection, useAdminAreas, useAdminUnits } from './section';

type Kind = (typeof UNIT_KINDS)[number];

/** `/admin/units`: the responsible units (departments, companies, ward committees). */
export function UnitsSection() {
  const m = useMessages();
  const units = useAdminUnits();
  const areas = useAdminAreas();
  const { editing, setEditing, status, done } = useAdminList<AdminUnit>(units, { config: true });
  const currentAreas = (areas.data ?? []).filter((a) => a.status === 'current');
  const areaName = (code: string | null) =>
    code ? (areas.data?.find((a) => a.code === code && a.status === 'current')?.name.vi ?? code) : '—';

  return (
    <AdminSection
      title={m('units.title')}
      intro={m('units.intro')}
      actions={
        <NewButton onClick={() => setEditing('new')} testId="unit-new">
          {m('units.new')}
        </NewButton>
      }
      status={status}
    >
      <LoadGate state={units}>
        {(list) => (
          <AdminTable
            testId="units-table"
            caption={m('units.title')}
            columns={[
              m('col.code'),
              m('col.name'),
              m('units.kind'),
              m('units.area'),
              { label: m('units.staff'), num: true },
              m('col.state'),
            ]}
          >
            {list.map((u) => (
              <tr key={u.id} data-code={u.code} className={u.active ? undefined : 'row-muted'}>
                <td>
                  <code>{u.code}</code>
                </td>
                <th scope="row">
                  <span lang="vi">{u.name.vi}</span>
                  <span className="sub" lang="en">
                    {u.name.en}
                  </span>
                </th>
                <td>{m(`units.kind.${u.kind}`)}</td>
                <td>{areaName(u.areaCode)}</td>
                <td className="num">{u.staffCount}</td>
                <td>
                  <StatePill on={u.active}>{u.active ? m('state.active') : m('state.inactive')}</StatePill>
                </td>
                <td className="actions">
                  <RowButton onClick={() => setEditing(u)} label={m('units.editNamed', { name: u.name.vi })}>
                    {m('common.edit')}
                  </RowButton>
                </td>
              </tr>
            ))}
          </AdminTable>
        )}
      </LoadGate>
      {editing && (
        <UnitDialog
          unit={editing === 'new' ? null : editing}
          areas={currentAreas}
          onClose={() => setEditing(null)}
          onSaved={(u, created) =>
            done(created ? m('units.created', { name: u.name.vi }) : m('units.saved', { name: u.name.vi }))
          }
        />
      )}
    </AdminSection>
  );
}

/** Creating or editing one unit. */
export function UnitDialog({
  unit,
  areas,
  onClose,
  onSaved,
}: {
  unit: AdminUnit | null;
  areas: AdminArea[];
  onClose: () => void;
  onSaved: (unit: AdminUnit, created: boolean) => void;
}) {
  const m = useMessages();
  const [code, setCode] = useState(unit?.code ?? '');
  const [nameVi, setNameVi] = useState(unit?.name.vi ?? '');
  const [nameEn, setNameEn] = useState(unit?.name.en ?? '');
  const [kind, setKind] = useState<Kind>(unit?.kind ?? 'department');
  const [areaCode, setAreaCode] = useState(unit?.areaCode ?? '');
  const [active, setActive] = useState(unit?.active ?? true);
  const { busy, failure, submit } = useSubmit();

  const save = () => {
    const fields = {
      name: { vi: nameVi, en: nameEn },
      kind,
      areaCode: kind === 'ward_committee' ? areaCode || null : null,
      active,
    };
    const extra: FieldError[] =
      kind === 'ward_committee' && !areaCode ? [{ path: 'areaCode', message: m('units.areaRequired') }] : [];
    if (unit) {
      void submit([...check(UnitPatch, fields), ...extra], () => adminApi.updateUnit(unit.id, fields)).then(
        (u) => u && onSaved(u, false),
      );
    } else {
      const body = { code: code.trim(), ...fields };
      void submit([...check(UnitInput, body), ...extra], () => adminApi.createUnit(body)).then(
        (u) => u && onSaved(u, true),
      );
    }
  };

  return (
    <Dialog
      title={unit ? m('units.editTitle', { code: unit.code }) : m('units.new')}
      onClose={onClose}
      fallbackFocus={focusTitle}
    >
      <AdminForm id="unit-form" failure={failure} busy={busy} onSubmit={save} testId="unit-form">
        {!unit && (
          <TextField
            path="code"
            label={m('col.code')}
            hint={m('hint.code')}
            value={code}
            onChange={setCode}
            maxLength={60}
            spellCheck={false}
          />
        )}
        <div className="admin-grid-2">
          <TextField
            path="name.vi"
            label={m('field.nameVi')}
            value={nameVi}
            onChange={setNameVi}
            lang="vi"
            maxLength={200}
          />
          <TextField
            path="name.en"
            label={m('field.nameEn')}
            value={nameEn}
            onChange={setNameEn}
            lang="en"
            maxLength={200}
          />
        </div>
        <SelectField
          path="kind"
          label={m('units.kind')}
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          options={UNIT_KINDS.map((k) => ({ value: k, label: m(`units.kind.${k}`) }))}
        />
        {kind === 'ward_committee' && (
          <SelectField
            path="areaCode"
            label={m('units.area')}
            hint={m('units.areaHint')}
            value={areaCode}
            onChange={setAreaCode}
            options={[
              { value: '', label: m('units.chooseArea') },
              ...areas.map((a) => ({ value: a.code, label: a.name.vi })),
              ...(areaCode && !areas.some((a) => a.code === areaCode) ? [{ value: areaCode, label: areaCode }] : []),
            ]}
          />
        )}
        <CheckField
          path="active"
          label={m('units.active')}
          hint={m('units.activeHint')}
          checked={active}
          onChange={setActive}
        />
        <FormActions busy={busy} onCancel={onClose} />
      </AdminForm>
    </Dialog>
  );
}
