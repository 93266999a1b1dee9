import type { Deadline } from '../../shared/schemas/categories';

/** Which days count as working days, in the city's time zone. */
export interface WorkingCalendar {
  /** Offset of the city's local time from UTC, in minutes (Vietnam: +420, no daylight saving). */
  utcOffsetMinutes: number;
  /** Days of the week that are worked, 0 = Sunday. */
  workingWeekdays: readonly number[];
  /** Public holidays as local dates `YYYY-MM-DD` (Tết, 30/4, 1/5, 2/9 ...). */
  holidays: readonly string[];
  /** Start of the working day, local minutes after midnight (used when a report arrives on a day off). */
  dayStartMinutes: number;
}

/** Vietnam: Monday to Friday, UTC+7, a working day starting at 07:30. */
export const DEFAULT_CALENDAR: WorkingCalendar = {
  utcOffsetMinutes: 7 * 60,
  workingWeekdays: [1, 2, 3, 4, 5],
  holidays: [],
  dayStartMinutes: 7 * 60 + 30,
};

const DAY = 86_400_000;

/** The local calendar date `YYYY-MM-DD` of an instant. */
export function localDate(epochMs: number, cal: WorkingCalendar): string {
  return new Date(epochMs + cal.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** True when the local day of this instant is a working day. */
export function isWorkingDay(epochMs: number, cal: WorkingCalendar): boolean {
  const local = new Date(epochMs + cal.utcOffsetMinutes * 60_000);
  return cal.workingWeekdays.includes(local.getUTCDay()) && !cal.holidays.includes(local.toISOString().slice(0, 10));
}

/**
 * Adds whole working days: the deadline falls at the same local time of day, `days` working days
 * later. A report filed on a day off starts counting from the start of the next working day.
 */
export function addWorkingDays(startMs: number, days: number, cal: WorkingCalendar): number {
  let t = startMs;
  if (!isWorkingDay(t, cal)) {
    while (!isWorkingDay(t, cal)) t += DAY;
    const localMidnight = Math.floor((t + cal.utcOffsetMinutes * 60_000) / DAY) * DAY - cal.utcOffsetMinutes * 60_000;
    t = localMidnight + cal.dayStartMinutes * 60_000;
  }
  const whole = Math.floor(days);
  for (let n = 0; n < whole;) {
    t += DAY;
    if (isWorkingDay(t, cal)) n++;
  }
  // A fractional day (0.5 = half a day) is counted in clock hours on top.
  return t + Math.round((days - whole) * DAY);
}

/** The deadline (`dueAt`) of a report received at `receivedAt` under a category's deadline. */
export function computeDueAt(receivedAt: number, deadline: Deadline, cal: WorkingCalendar = DEFAULT_CALENDAR): number {
  if (deadline.unit === 'hours') return receivedAt + Math.round(deadline.value * 3_600_000);
  return addWorkingDays(receivedAt, deadline.value, cal);
}
