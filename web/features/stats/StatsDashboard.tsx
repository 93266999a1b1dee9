import { useMemo } from 'react';
import { statsApi } from '../../api/endpoints';
import { useCategories } from '../../api/reference';
import { useAsync } from '../../api/useAsync';
import { useI18n } from '../../i18n';
import { ErrorNotice, Loading } from '../../ui/Feedback';
import { PerDayChart } from './PerDayChart';
import { StatusChart } from './StatusChart';
import { PeriodLine, RangePicker, useStatsRange } from './RangePicker';
import { chartCodes, colorFor, formatRate, pivotPerDay } from './statsMath';
import { UnitTable } from './UnitTable';
import './stats.css';

/** Leaders' figures over the last 7, 30 or 90 days. */
export function StatsDashboard() {
  const { t, lang, name } = useI18n();
  const [range, pickRange] = useStatsRange();
  const stats = useAsync(`stats:${range.from}:${range.to}`, (signal) => statsApi.summary(range.from, range.to, signal));
  const categories = useCategories();
  const summary = stats.data;

  const chart = useMemo(() => {
    if (!summary) return null;
    const known = (categories.data ?? []).map((c) => c.code);
    const codes = chartCodes(summary.perDay, known);
    const series = codes.map((code) => {
      const cat = categories.data?.find((c) => c.code === code);
      const index = known.indexOf(code);
      return {
        code,
        label: cat ? name(cat.name) : code,
        color: colorFor(index >= 0 ? index : known.length + codes.indexOf(code)),
      };
    });
    return { rows: pivotPerDay(summary, codes), series };
  }, [summary, categories.data, name]);

  return (
    <div className="page stats-page">
      <div className="stats-head">
        <h1>{t('stats.title')}</h1>
        <RangePicker className="segmented" days={range.days} onPick={pickRange} />
      </div>
      <PeriodLine summary={summary} />
      {stats.error !== undefined && !summary ? (
        <ErrorNotice error={stats.error} onRetry={stats.reload} />
      ) : !summary || !chart ? (
        <Loading />
      ) : (
        <div className={stats.loading ? 'stats-body refreshing' : 'stats-body'} aria-busy={stats.loading}>
          <div className="kpis">
            <div className="kpi kpi-main" data-testid="on-time-rate">
              <span className="kpi-label">{t('stats.onTime')}</span>
              <span className="kpi-value">{formatRate(summary.onTimeRate, lang)}</span>
              <span className="kpi-sub">
                {t('stats.onTime.detail', { onTime: summary.resolvedOnTime, resolved: summary.resolved })}
              </span>
            </div>
            <div className="kpi">
              <span className="kpi-label">{t('stats.received')}</span>
              <span className="kpi-value">{summary.received}</span>
            </div>
            <div className="kpi">
              <span className="kpi-label">{t('stats.resolved')}</span>
              <span className="kpi-value">{summary.resolved}</span>
            </div>
          </div>
          <section className="card">
            <h2 className="section-title">{t('stats.perDay')}</h2>
            {summary.perDay.length ? (
              <PerDayChart rows={chart.rows} series={chart.series} />
            ) : (
              <p className="hint">{t('stats.empty')}</p>
            )}
          </section>
          <div className="stats-columns">
            <section className="card">
              <h2 className="section-title">{t('stats.byStatus')}</h2>
              {Object.values(summary.statusCounts).some((n) => (n ?? 0) > 0) ? (
                <StatusChart counts={summary.statusCounts} />
              ) : (
                <p className="hint">{t('stats.empty')}</p>
              )}
            </section>
            <section className="card">
              <h2 className="section-title">{t('stats.byUnit')}</h2>
              {summary.byUnit.length ? <UnitTable rows={summary.byUnit} /> : <p className="hint">{t('stats.empty')}</p>}
            </section>
          </div>
        </div>
      )}
    </div>
  );
}
