import { useState } from 'react';
import type { StatsSummary } from '../../../shared/schemas/stats';
import { formatDate, useI18n } from '../../i18n';
import { RANGE_DAYS, rangeFor, type RangeDays } from './statsMath';

/** The days of figures shown (7, 30 or 90) and the dates they cover, fixed when picked. */
export function useStatsRange(initial: RangeDays = 30) {
  const [range, setRange] = useState(() => ({ days: initial, ...rangeFor(initial, Date.now()) }));
  const pick = (days: RangeDays) => setRange({ days, ...rangeFor(days, Date.now()) });
  return [range, pick] as const;
}

/** "7 days / 30 days / 90 days" as a group of toggle buttons. */
export function RangePicker({
  days,
  onPick,
  className,
}: {
  days: RangeDays;
  onPick: (days: RangeDays) => void;
  className: string;
}) {
  const { t } = useI18n();
  return (
    <div className={className} role="group" aria-label={t('stats.range')}>
      {RANGE_DAYS.map((d) => (
        <button
          key={d}
          type="button"
          aria-pressed={days === d}
          className={days === d ? 'active' : undefined}
          onClick={() => onPick(d)}
        >
          {t('stats.days', { n: d })}
        </button>
      ))}
    </div>
  );
}

/** "From … to …" of the figures on screen (once they are there). */
export function PeriodLine({ summary }: { summary: Pick<StatsSummary, 'from' | 'to'> | undefined }) {
  const { t, lang } = useI18n();
  if (!summary) return null;
  return (
    <p className="hint">
      {t('stats.period', { from: formatDate(summary.from, lang), to: formatDate(summary.to, lang) })}
    </p>
  );
}
