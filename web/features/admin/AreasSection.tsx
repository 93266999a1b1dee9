import { useRef, useState } from 'react';
import { formatDate, useI18n } from '../../i18n';
import { areaRows } from './areas';
import { AreaImportWizard } from './AreaImportWizard';
import { AdminTable, LoadGate } from './list';
import { useMessages } from './messages';
import { configChanged, AdminSection, useAdminAreas } from './section';

/** `/admin/areas`: current and past ward boundaries, and the GeoJSON import. */
export function AreasSection() {
  const m = useMessages();
  const { lang } = useI18n();
  const areas = useAdminAreas();
  const [withPast, setWithPast] = useState(false);
  const [importing, setImporting] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);

  const all = areas.data ?? [];
  const rows = areaRows(all, withPast);
  const pastCount = all.filter((a) => a.status === 'past').length;
  const close = () => {
    setImporting(false);
    queueMicrotask(() => openButton.current?.focus());
  };

  return (
    <AdminSection
      title={m('areas.title')}
      intro={m('areas.intro')}
      actions={
        <button
          ref={openButton}
          type="button"
          className="btn btn-primary"
          onClick={() => setImporting(true)}
          disabled={importing}
          data-testid="open-area-import"
        >
          {m('areas.import')}
        </button>
      }
    >
      {importing && (
        <AreaImportWizard
          onClose={close}
          onImported={() => {
            configChanged();
            areas.reload();
          }}
        />
      )}
      <div className="admin-toolbar">
        <label className="inline-check">
          <input type="checkbox" checked={withPast} onChange={(e) => setWithPast(e.target.checked)} />
          {m('areas.showPast', { n: pastCount })}
        </label>
      </div>
      <LoadGate state={areas}>
        {() => (
          <AdminTable
            testId="areas-table"
            caption={m('areas.caption')}
            columns={[
              m('col.code'),
              m('col.name'),
              m('areas.validFrom'),
              m('areas.validTo'),
              { label: m('areas.vertices'), num: true },
              m('areas.note'),
              m('col.state'),
            ]}
            actions={false}
            empty={rows.length === 0 ? m('areas.empty') : null}
          >
            {rows.map((a) => {
              const state = a.status;
              return (
                <tr
                  key={a.id}
                  data-code={a.code}
                  data-state={state}
                  className={state === 'past' ? 'row-muted' : undefined}
                >
                  <td>
                    <code>{a.code}</code>
                  </td>
                  <th scope="row">
                    <span lang="vi">{a.name.vi}</span>
                    {a.name.en && a.name.en !== a.name.vi && (
                      <span className="sub" lang="en">
                        {a.name.en}
                      </span>
                    )}
                  </th>
                  <td>{formatDate(a.validFrom, lang)}</td>
                  <td>{a.validTo ? formatDate(a.validTo, lang) : '—'}</td>
                  <td className="num">{a.vertices.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</td>
                  <td className="wrap">{a.note ?? ''}</td>
                  <td>
                    <span className={`pill pill-${state}`}>{m(`areas.state.${state}`)}</span>
                  </td>
                </tr>
              );
            })}
          </AdminTable>
        )}
      </LoadGate>
    </AdminSection>
  );
}
