import { AdminLayout } from '../features/admin/AdminLayout';

/** `/admin/*`: the city's configuration (areas, units, categories, rules, people, keys, audit). */
export default function AdminPage() {
  return <AdminLayout />;
}
