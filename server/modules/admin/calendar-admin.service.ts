import type { CalendarSettings } from '../../../shared/schemas/admin';
import type { WorkingCalendar } from '../../domain/working-time';
import type { CalendarService } from '../deadlines/calendar.service';
import { recordUpdate, same, type AdminChanges, type AuditActor, type Recorder } from './admin.context';

/** The editable part of a calendar, holidays sorted and unique, as stored and exported. */
export function calendarSettingsOf(c: CalendarSettings | WorkingCalendar): CalendarSettings {
  return {
    workingWeekdays: [...new Set(c.workingWeekdays)].sort((a, b) => a - b),
    holidays: [...new Set(c.holidays)].sort(),
    dayStartMinutes: c.dayStartMinutes,
  };
}

/** The working calendar deadlines follow, changed with an audit entry. */
export class CalendarAdminService {
  constructor(
    private readonly calendar: CalendarService,
    private readonly changes: AdminChanges,
  ) {}

  /** The calendar in force. */
  current(): WorkingCalendar {
    return this.calendar.current();
  }

  /** Replaces working days, holidays and the start of the day; reports already filed keep their deadlines. */
  update(actor: AuditActor, input: CalendarSettings): WorkingCalendar {
    return this.changes.apply(actor, (record) => this.replaceIn(record, input).calendar);
  }

  /** Whether these settings differ from the calendar in force. */
  differs(input: CalendarSettings): boolean {
    return !same(calendarSettingsOf(this.calendar.current()), calendarSettingsOf(input));
  }

  /**
   * Replaces the calendar inside the caller's transaction. It must be the caller's last write: the
   * calendar service caches what it reads back, and a later failure would roll back under that cache.
   */
  replaceIn(record: Recorder, input: CalendarSettings): { calendar: WorkingCalendar; changed: boolean } {
    const before = calendarSettingsOf(this.calendar.current());
    const after = calendarSettingsOf(input);
    const changed = recordUpdate(record, { entity: 'calendar', entityId: null, before, after });
    return { calendar: changed ? this.calendar.update(after) : this.calendar.current(), changed };
  }
}
