import type { StatsSummary } from '../../../shared/schemas/stats';
import { useI18n } from '../../i18n';
import { formatRate, rate } from './statsMath';

/** Per unit: received, resolved, and the share resolved on time. */
export function UnitTable({ rows }: { rows: StatsSummary['byUnit'] }) {
  const { t, lang } = useI18n();
  const sorted = [...rows].sort((a, b) => b.received - a.received || a.unitName.localeCompare(b.unitName, 'vi'));
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="unit-table">
        <thead>
          <tr>
            <th scope="col">{t('stats.unit')}</th>
            <th scope="col" className="num">
              {t('stats.received')}
            </th>
            <th scope="col" className="num">
              {t('stats.resolved')}
            </th>
            <th scope="col" className="num">
              {t('stats.onTime')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((u) => {
            const r = rate(u.onTime, u.resolved);
            return (
              <tr key={u.unitId}>
                <th scope="row">{u.unitName}</th>
                <td className="num">{u.received}</td>
                <td className="num">{u.resolved}</td>
                <td className={`num${r !== null && r < 0.8 ? ' low' : ''}`}>{formatRate(r, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
