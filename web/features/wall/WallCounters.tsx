import type { IocSummary } from '../../../shared/schemas/ioc';
import { useI18n, type MessageKey } from '../../i18n';

const COUNTERS: { key: keyof IocSummary; label: MessageKey; testId: string; alert?: boolean }[] = [
  { key: 'today', label: 'wall.today', testId: 'counter-today' },
  { key: 'open', label: 'wall.open', testId: 'counter-open' },
  { key: 'overdue', label: 'wall.overdue', testId: 'counter-overdue', alert: true },
  { key: 'onTimeRate', label: 'wall.onTime', testId: 'counter-on-time' },
];

/** The wall's headline figures, big enough to read across the room. */
export function WallCounters({ summary }: { summary: IocSummary | null }) {
  const { t, lang } = useI18n();
  const percent = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const shown = (key: keyof IocSummary): string => {
    const value = summary?.[key];
    if (value === undefined) return '…';
    if (value === null) return '—';
    return key === 'onTimeRate' ? percent.format(value) : String(value);
  };
  return (
    <dl className="wall-counters" aria-label={t('wall.counters')}>
      {COUNTERS.map((c) => {
        const value = summary?.[c.key];
        const hot = c.alert && typeof value === 'number' && value > 0;
        return (
          <div key={c.key} className={`wall-counter${hot ? ' wall-counter-alert' : ''}`}>
            <dt>{t(c.label)}</dt>
            <dd data-testid={c.testId} data-value={value ?? undefined}>
              {shown(c.key)}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
