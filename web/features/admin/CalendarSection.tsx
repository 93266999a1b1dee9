import { useRef, useState } from 'react';
import { CalendarSettings } from '../../../shared/schemas/admin';
import { useAsync } from '../../api/useAsync';
import { useI18n } from '../../i18n';
import { Loading } from '../../ui/Feedback';
import { adminApi, type WorkingCalendar } from './adminApi';
import { holidayLabel, isDate, minutesToTime, sortHolidays, timeToMinutes, WEEK, weekdayName } from './calendar';
import { check } from './errors';
import { AdminForm, FormActions, LiveStatus, useSubmit } from './form';
import { GroupError, TextField } from './fields';
import { useMessages } from './messages';
import { Problem, AdminSection } from './section';

/** `/admin/calendar`: the working week, public holidays and the start of the working day that deadlines follow. */
export function CalendarSection() {
  const m = useMessages();
  const calendar = useAsync('admin:calendar', (s) => adminApi.calendar(s));
  return (
    <AdminSection title={m('calendar.title')} intro={m('calendar.intro')}>
      {calendar.error !== undefined && !calendar.data ? (
        <Problem error={calendar.error} onRetry={calendar.reload} />
      ) : !calendar.data ? (
        <Loading />
      ) : (
        <CalendarForm initial={calendar.data} />
      )}
    </AdminSection>
  );
}

function CalendarForm({ initial }: { initial: WorkingCalendar }) {
  const m = useMessages();
  const { lang } = useI18n();
  const [saved, setSaved] = useState(initial);
  const [weekdays, setWeekdays] = useState<number[]>(initial.workingWeekdays);
  const [holidays, setHolidays] = useState<string[]>(sortHolidays(initial.holidays));
  const [start, setStart] = useState(minutesToTime(initial.dayStartMinutes));
  const [newDate, setNewDate] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { busy, failure, submit } = useSubmit();
  const dateInput = useRef<HTMLInputElement>(null);

  const dirty =
    [...weekdays].sort().join() !== [...saved.workingWeekdays].sort().join() ||
    holidays.join() !== sortHolidays(saved.holidays).join() ||
    timeToMinutes(start) !== saved.dayStartMinutes;

  const toggleDay = (day: number, on: boolean) =>
    setWeekdays((days) => (on ? [...new Set([...days, day])].sort() : days.filter((d) => d !== day)));

  const addHoliday = () => {
    if (!isDate(newDate)) {
      setAddError(m('calendar.badDate'));
      dateInput.current?.focus();
      return;
    }
    if (holidays.includes(newDate)) {
      setAddError(m('calendar.duplicate', { date: holidayLabel(newDate, lang) }));
      dateInput.current?.focus();
      return;
    }
    setHolidays((h) => sortHolidays([...h, newDate]));
    setStatus(m('calendar.added', { date: holidayLabel(newDate, lang) }));
    setAddError(null);
    setNewDate('');
    dateInput.current?.focus();
  };

  const removeHoliday = (date: string, index: number) => {
    const next = holidays.filter((d) => d !== date);
    setHolidays(next);
    setStatus(m('calendar.removed', { date: holidayLabel(date, lang) }));
    // Focus the next holiday's remove button, or the date field when the list is done.
    const follow = next[index] ?? next[index - 1];
    queueMicrotask(() => document.getElementById(follow ? `holiday-${follow}` : 'holiday-new')?.focus());
  };

  const save = () => {
    const body: WorkingCalendar = {
      workingWeekdays: [...weekdays].sort(),
      holidays,
      dayStartMinutes: timeToMinutes(start),
    };
    const problems = check(CalendarSettings, body).filter((e) => e.path !== 'dayStartMinutes');
    if (body.workingWeekdays.length === 0) problems.push({ path: 'workingWeekdays', message: m('calendar.noDays') });
    if (!Number.isFinite(body.dayStartMinutes))
      problems.push({ path: 'dayStartMinutes', message: m('calendar.badTime') });
    void submit(problems, () => adminApi.saveCalendar(body)).then((cal) => {
      if (!cal) return;
      setSaved(cal);
      setStatus(m('calendar.saved'));
    });
  };

  const years = [...new Set(holidays.map((d) => d.slice(0, 4)))];
  return (
    <AdminForm id="calendar-form" failure={failure} busy={busy} onSubmit={save} testId="calendar-form">
      <LiveStatus message={status} />
      <fieldset>
        <legend>{m('calendar.weekdays')}</legend>
        <GroupError path="workingWeekdays" />
        <div className="weekday-list">
          {WEEK.map((day) => (
            <label key={day} className="inline-check">
              <input
                type="checkbox"
                name="workingWeekdays"
                value={day}
                checked={weekdays.includes(day)}
                onChange={(e) => toggleDay(day, e.target.checked)}
                data-testid={`weekday-${day}`}
              />
              {weekdayName(day, lang)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{m('calendar.dayStart')}</legend>
        <TextField
          path="dayStartMinutes"
          type="time"
          label={m('calendar.dayStartLabel')}
          hint={m('calendar.dayStartHint')}
          value={start}
          onChange={setStart}
          className="narrow"
        />
      </fieldset>
      <fieldset>
        <legend>{m('calendar.holidays', { n: holidays.length })}</legend>
        <p className="hint">{m('calendar.holidaysHint')}</p>
        <div className="add-row">
          <div className={`field${addError ? ' has-error' : ''}`}>
            <label htmlFor="holiday-new">{m('calendar.addDate')}</label>
            <input
              ref={dateInput}
              id="holiday-new"
              type="date"
              value={newDate}
              aria-invalid={addError ? true : undefined}
              aria-describedby={addError ? 'holiday-new-error' : undefined}
              onChange={(e) => setNewDate(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addHoliday();
                }
              }}
            />
            {addError && (
              <p id="holiday-new-error" className="field-error">
                {addError}
              </p>
            )}
          </div>
          <button type="button" className="btn btn-secondary" onClick={addHoliday} data-testid="holiday-add">
            {m('calendar.add')}
          </button>
        </div>
        {holidays.length === 0 ? (
          <p className="hint">{m('calendar.noHolidays')}</p>
        ) : (
          years.map((year) => (
            <div key={year} className="holiday-year">
              <h3>{year}</h3>
              <ul className="holiday-list" data-testid="holidays">
                {holidays
                  .filter((d) => d.startsWith(year))
                  .map((date) => {
                    const index = holidays.indexOf(date);
                    return (
                      <li key={date} data-date={date}>
                        <span>{holidayLabel(date, lang)}</span>
                        <GroupError path={`holidays.${index}`} />
                        <button
                          id={`holiday-${date}`}
                          type="button"
                          className="btn btn-small btn-danger-outline"
                          onClick={() => removeHoliday(date, index)}
                          aria-label={m('calendar.remove', { date: holidayLabel(date, lang) })}
                        >
                          {m('common.remove')}
                        </button>
                      </li>
                    );
                  })}
              </ul>
            </div>
          ))
        )}
      </fieldset>
      <FormActions sticky busy={busy} disabled={!dirty} testId="calendar-save">
        {dirty && <span className="hint unsaved">{m('common.unsaved')}</span>}
      </FormActions>
    </AdminForm>
  );
}
