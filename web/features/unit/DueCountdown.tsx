import { durationParts, formatDateTime, useI18n } from '../../i18n';
import { dueUrgency } from './unitTabs';

/** A deadline as a countdown a person reads at a glance: "Quá hạn 3 giờ" in red, "Còn 2 giờ" in amber, "Còn 2 ngày". */
export function DueCountdown({ dueAt, now }: { dueAt: string; now: number }) {
  const { t, lang } = useI18n();
  const urgency = dueUrgency(dueAt, now);
  const { unit, n } = durationParts(Date.parse(dueAt) - now);
  const span = t(`time.${unit}`, { n });
  return (
    <span
      className={`countdown-chip countdown-${urgency}`}
      data-testid="due-countdown"
      data-urgency={urgency}
      title={t('unit.dueAt', { at: formatDateTime(dueAt, lang) })}
    >
      <span aria-hidden="true">{urgency === 'overdue' ? '⚠' : '⏱'}</span>
      {urgency === 'overdue' ? t('unit.due.overdue', { t: span }) : t('unit.due.left', { t: span })}
    </span>
  );
}
