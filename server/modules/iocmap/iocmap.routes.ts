import type { FastifyInstance } from 'fastify';
import { StaffMapQuery } from '../../../shared/schemas/ioc';
import { parseInput } from '../../domain/app-error';
import { requireUser } from '../../plugins/auth';
import type { CalendarService } from '../deadlines/calendar.service';
import { CalendarInput } from '../deadlines/calendar.service';
import type { IocMapService } from './iocmap.service';

const CITY_WIDE = ['operator', 'admin', 'leader'] as const;

/** The IOC wall: clustered open reports, headline counters; and the working calendar for admins. */
export function iocMapRoutes(app: FastifyInstance, map: IocMapService, calendar: CalendarService): void {
  app.get('/api/ioc/map', async (request) => {
    requireUser(request, CITY_WIDE);
    return map.features(parseInput(StaffMapQuery, request.query, 'query'));
  });
  app.get('/api/ioc/summary', async (request) => {
    requireUser(request, CITY_WIDE);
    return map.summary();
  });
  app.get('/api/admin/calendar', async (request) => {
    requireUser(request, ['admin', 'operator']);
    return calendar.current();
  });
  app.put('/api/admin/calendar', async (request) => {
    requireUser(request, ['admin']);
    return calendar.update(parseInput(CalendarInput, request.body, 'calendar'));
  });
}
