import { eq } from 'drizzle-orm';
import type { CalendarSettings } from '../../../shared/schemas/admin';
import type { Db } from '../../db/client';
import { settings } from '../../db/schema';
import { DEFAULT_CALENDAR, type WorkingCalendar } from '../../domain/working-time';

const KEY = 'working_calendar';

/** The working calendar that deadlines follow; admins edit it, the default is Vietnam's week. */
export class CalendarService {
  private cached: WorkingCalendar | null = null;

  constructor(private readonly db: Db) {}

  /** The calendar in force. */
  current(): WorkingCalendar {
    if (!this.cached) {
      const row = this.db.select().from(settings).where(eq(settings.key, KEY)).get();
      this.cached = row
        ? { ...DEFAULT_CALENDAR, ...(JSON.parse(row.value) as Partial<WorkingCalendar>) }
        : DEFAULT_CALENDAR;
    }
    return this.cached;
  }

  /** Replaces the working days, holidays and start of day (the time zone stays the city's). */
  update(input: CalendarSettings): WorkingCalendar {
    const value = JSON.stringify({ ...input, holidays: [...new Set(input.holidays)].sort() });
    this.db
      .insert(settings)
      .values({ key: KEY, value })
      .onConflictDoUpdate({ target: settings.key, set: { value } })
      .run();
    this.cached = null;
    return this.current();
  }
}
