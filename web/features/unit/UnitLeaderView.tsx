import { useMemo, useState } from 'react';
import type { StatsSummary } from '../../../shared/schemas/stats';
import { statsApi } from '../../api/endpoints';
import { useAsync } from '../../api/useAsync';
import { durationParts, useI18n } from '../../i18n';
import { ErrorNotice, Loading } from '../../ui/Feedback';
import { LiveIndicator } from '../../ui/LiveIndicator';
import { DeskPanel } from '../desk/DeskPanel';
import { PeriodLine, RangePicker, useStatsRange } from '../stats/RangePicker';
import { formatRate } from '../stats/statsMath';
import { UnitQueueList } from './UnitQueueList';
import { overdueReports } from './unitTabs';
import '../desk/desk.css';
import '../desk/queue.css';
import { useUnitFeed } from './useUnitFeed';
import './unit.css';

/** "3 giờ" / "2 ngày" for a number of minutes, or "—" when there is none. */
function useDuration(): (minutes: number | null | undefined) => string {
  const { t } = useI18n();
  return (minutes) => {
    if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '—';
    const { unit, n } = durationParts(minutes * 60_000);
    return t(`time.${unit}`, { n });
  };
}

/** One figure: a label and a big value, with an optional line under it. */
function Kpi({
  label,
  value,
  sub,
  testId,
  alert = false,
}: {
  label: string;
  value: string | number;
  sub?: string;
  testId: string;
  alert?: boolean;
}) {
  return (
    <div className={`unit-kpi${alert ? ' unit-kpi-alert' : ''}`} data-testid={testId}>
      <span className="unit-kpi-label">{label}</span>
      <span className="unit-kpi-value" data-testid={`${testId}-value`}>
        {value}
      </span>
      {sub && <span className="unit-kpi-sub">{sub}</span>}
    </div>
  );
}

/** The unit's figures over a range, from the server (which counts only this unit's reports for its leader). */
function UnitFigures({ summary, loading }: { summary: StatsSummary; loading: boolean }) {
  const { t, lang } = useI18n();
  const duration = useDuration();
  return (
    <div className={`unit-kpis${loading ? ' refreshing' : ''}`} aria-busy={loading}>
      <Kpi label={t('stats.received')} value={summary.received} testId="kpi-received" />
      <Kpi label={t('stats.resolved')} value={summary.resolved} testId="kpi-resolved" />
      <Kpi
        label={t('stats.onTime')}
        value={formatRate(summary.onTimeRate, lang)}
        sub={t('stats.onTime.detail', { onTime: summary.resolvedOnTime, resolved: summary.resolved })}
        testId="kpi-on-time"
      />
      <Kpi
        label={t('unit.leader.overdueNow')}
        value={summary.overdueOpen}
        testId="kpi-overdue"
        alert={summary.overdueOpen > 0}
      />
      <Kpi label={t('unit.leader.median')} value={duration(summary.medianResolveMinutes)} testId="kpi-median" />
    </div>
  );
}

/**
 * A unit's leader: the unit's figures (received, resolved, on time, overdue now, median time to resolve)
 * and its overdue reports, most overdue first, live. Read-only: a report opens without actions.
 */
export function UnitLeaderView() {
  const { t } = useI18n();
  const { user, feed, now } = useUnitFeed();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const overdue = useMemo(() => overdueReports(feed.byId.values(), now), [feed.byId, now]);
  // The figures are read again when the list of overdue reports changes, so both say the same.
  const [range, pickRange] = useStatsRange();
  const stats = useAsync(
    `unit-stats:${range.from}:${range.to}`,
    (signal) => statsApi.summary(range.from, range.to, signal),
    overdue.length,
  );
  const summary = stats.data;
  return (
    <div className={`desk unit-desk unit-leader${selectedId !== null ? ' with-panel' : ''}`} data-testid="unit-leader">
      <div className="desk-bar">
        <h1>
          {user?.unit ? t('unit.leader.title') : t('unit.leader.cityTitle')}
          {user?.unit && <small className="desk-unit-name">{user.unit.name}</small>}
        </h1>
        <LiveIndicator state={feed.connection} />
      </div>
      <div className="desk-queue unit-leader-body">
        <section className="unit-section" aria-labelledby="unit-figures-title">
          <div className="unit-section-head">
            <h2 id="unit-figures-title" className="section-title">
              {t('unit.leader.figures')}
            </h2>
            <RangePicker className="unit-segmented" days={range.days} onPick={pickRange} />
          </div>
          <PeriodLine summary={summary} />
          {summary ? (
            <UnitFigures summary={summary} loading={stats.loading} />
          ) : stats.error !== undefined ? (
            <ErrorNotice error={stats.error} onRetry={stats.reload} />
          ) : (
            <Loading />
          )}
        </section>
        <section className="unit-section unit-overdue" aria-labelledby="unit-overdue-title">
          <h2 id="unit-overdue-title" className="section-title">
            {t('unit.leader.overdueList')} <span className="count">{overdue.length}</span>
          </h2>
          {feed.loading && feed.byId.size === 0 ? (
            <Loading />
          ) : feed.error && feed.byId.size === 0 ? (
            <ErrorNotice error={feed.error} onRetry={feed.reload} />
          ) : (
            <div data-testid="overdue-list">
              <UnitQueueList
                reports={overdue}
                now={now}
                fresh={feed.fresh}
                selectedId={selectedId}
                onSelect={setSelectedId}
                emptyText={t('unit.leader.noOverdue')}
              />
            </div>
          )}
        </section>
      </div>
      <DeskPanel feed={feed} selectedId={selectedId} onClose={() => setSelectedId(null)} />
    </div>
  );
}
