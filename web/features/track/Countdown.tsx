import { useEffect, useState } from 'react';
import { formatDateTime, useI18n } from '../../i18n';
import { formatCountdown } from './countdown';

const MINUTE = 60_000;

/** The current time, refreshed right after the countdown to `dueAt` changes its minute. */
function useMinuteClock(dueAt: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const due = Date.parse(dueAt);
      const at = Date.now();
      const into = Math.abs(due - at) % MINUTE;
      // Before the deadline the shown minutes drop when `into` runs out; after it they grow a minute later.
      const wait = (Number.isFinite(due) ? (due > at ? into : MINUTE - into) : MINUTE) + 20;
      timer = setTimeout(() => {
        setNow(Date.now());
        schedule();
      }, wait);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [dueAt]);
  return now;
}

/** "còn 1 ngày 3 giờ" / "quá hạn 2 giờ", updating each minute; the exact deadline is in its title. */
export function Countdown({ dueAt }: { dueAt: string }) {
  const { lang } = useI18n();
  const now = useMinuteClock(dueAt);
  const overdue = Date.parse(dueAt) < now;
  return (
    <time
      dateTime={dueAt}
      className={overdue ? 'countdown countdown-overdue' : 'countdown'}
      title={formatDateTime(dueAt, lang)}
      data-testid="countdown"
      data-overdue={overdue}
    >
      {formatCountdown(dueAt, now, lang)}
    </time>
  );
}
