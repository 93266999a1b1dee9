import { dueState, durationParts, formatDateTime, useI18n } from '../i18n';

/** "còn 5 giờ" / "quá hạn 2 ngày": a deadline relative to `now`. */
export function DueLabel({ dueAt, now }: { dueAt: string; now: number }) {
  const { t, lang } = useI18n();
  const { overdue, ms } = dueState(dueAt, now);
  const { unit, n } = durationParts(ms);
  const span = t(`time.${unit}`, { n });
  return (
    <span className={overdue ? 'due due-overdue' : 'due'} title={formatDateTime(dueAt, lang)}>
      {overdue ? t('due.overdue', { t: span }) : t('due.in', { t: span })}
    </span>
  );
}
