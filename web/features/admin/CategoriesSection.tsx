import type { ReactNode } from 'react';
import { Link, Route, Routes, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { Priority } from '../../../shared/domain/channels';
import type { AdminCategory } from '../../../shared/schemas/admin';
import type { Deadline } from '../../../shared/schemas/categories';
import { useI18n } from '../../i18n';
import { iconEmoji } from '../reports/categoryIcons';
import { CategoryEditor } from './CategoryEditor';
import { LiveStatus } from './form';
import { AdminTable, LoadGate, StatePill } from './list';
import { useMessages, type AdminT } from './messages';
import { configChanged, AdminSection, useAdminCategories } from './section';

/** "2 working days", "24 hours". */
export function deadlineText(d: Deadline, m: AdminT): string {
  return d.unit === 'hours' ? m('deadline.hours', { n: d.value }) : m('deadline.workingDays', { n: d.value });
}

/** `/admin/categories`, `/admin/categories/new`, `/admin/categories/:code`. */
export function CategoriesSection() {
  const categories = useAdminCategories();
  const navigate = useNavigate();
  const saved = (c: AdminCategory, created: boolean) => {
    configChanged();
    categories.reload();
    navigate('/admin/categories', { state: { saved: c.name.vi, created } });
  };
  const loadGate = (render: (all: AdminCategory[]) => ReactNode) => <LoadGate state={categories}>{render}</LoadGate>;
  return (
    <Routes>
      <Route index element={<CategoryList state={loadGate} />} />
      <Route
        path="new"
        element={loadGate((all) => (
          <CategoryEditor category={null} categories={all} onSaved={saved} />
        ))}
      />
      <Route path=":code" element={<EditRoute gate={loadGate} onSaved={saved} />} />
    </Routes>
  );
}

function EditRoute({
  gate,
  onSaved,
}: {
  gate: (render: (all: AdminCategory[]) => ReactNode) => ReactNode;
  onSaved: (c: AdminCategory, created: boolean) => void;
}) {
  const { code } = useParams();
  const m = useMessages();
  return gate((all) => {
    const category = all.find((c) => c.code === code);
    if (!category)
      return (
        <AdminSection title={m('categories.notFound', { code: code ?? '' })}>
          <Link to="/admin/categories">{m('categories.backToList')}</Link>
        </AdminSection>
      );
    return <CategoryEditor key={category.code} category={category} categories={all} onSaved={onSaved} />;
  });
}

function CategoryList({ state }: { state: (render: (all: AdminCategory[]) => ReactNode) => ReactNode }) {
  const m = useMessages();
  const { t } = useI18n();
  const location = useLocation();
  const saved = (location.state as { saved?: string; created?: boolean } | null) ?? null;
  return (
    <AdminSection
      title={m('categories.title')}
      intro={m('categories.intro')}
      actions={
        <Link to="/admin/categories/new" className="btn btn-primary" data-testid="category-new">
          {m('categories.new')}
        </Link>
      }
    >
      <LiveStatus
        message={
          saved?.saved ? m(saved.created ? 'categories.created' : 'categories.saved', { name: saved.saved }) : null
        }
      />
      {state((all) => {
        const rows = [...all].sort(
          (a, b) => a.group.localeCompare(b.group) || a.sortOrder - b.sortOrder || a.code.localeCompare(b.code),
        );
        return (
          <AdminTable
            testId="categories-table"
            caption={m('categories.title')}
            columns={[
              m('col.name'),
              m('categories.group'),
              m('categories.defaultPriority'),
              m('categories.deadline'),
              { label: m('categories.questionCount'), num: true },
              m('categories.autoDispatchShort'),
              m('categories.publicLocation'),
              m('col.state'),
            ]}
          >
            {rows.map((c) => (
              <tr key={c.code} data-code={c.code} className={c.active ? undefined : 'row-muted'}>
                <th scope="row">
                  <span className="cat-icon" aria-hidden="true">
                    {iconEmoji(c.icon)}
                  </span>{' '}
                  <span lang="vi">{c.name.vi}</span>
                  <span className="sub">
                    <code>{c.code}</code> · <span lang="en">{c.name.en}</span>
                  </span>
                </th>
                <td>{c.groupName.vi}</td>
                <td>{t(`priority.${c.defaultPriority}`)}</td>
                <td>
                  {deadlineText(c.deadline, m)}
                  {Object.entries(c.deadlinesByPriority).map(([p, d]) =>
                    d ? (
                      <span key={p} className="sub">
                        {t(`priority.${p as Priority}`)}: {deadlineText(d, m)}
                      </span>
                    ) : null,
                  )}
                </td>
                <td className="num">{c.questions.length}</td>
                <td>{c.autoDispatch ? m('common.yes') : m('common.no')}</td>
                <td>{m(`publicLocation.${c.publicLocation}`)}</td>
                <td>
                  <StatePill on={c.active}>{c.active ? m('state.active') : m('state.inactive')}</StatePill>
                </td>
                <td className="actions">
                  <Link
                    to={`/admin/categories/${encodeURIComponent(c.code)}`}
                    className="btn btn-small btn-secondary"
                    aria-label={m('categories.editNamed', { name: c.name.vi })}
                  >
                    {m('common.edit')}
                  </Link>
                </td>
              </tr>
            ))}
          </AdminTable>
        );
      })}
    </AdminSection>
  );
}
