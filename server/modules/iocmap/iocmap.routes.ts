import type { FastifyInstance } from 'fastify';
import { StaffMapQuery } from '../../../shared/schemas/ioc';
import { parseInput } from '../../domain/app-error';
import { requireUser } from '../../plugins/auth';
import type { IocMapService } from './iocmap.service';

const CITY_WIDE = ['operator', 'admin', 'leader'] as const;

/** The IOC wall: clustered open reports and headline counters. */
export function iocMapRoutes(app: FastifyInstance, map: IocMapService): void {
  app.get('/api/ioc/map', async (request) => {
    requireUser(request, CITY_WIDE);
    return map.features(parseInput(StaffMapQuery, request.query, 'query'));
  });
  app.get('/api/ioc/summary', async (request) => {
    requireUser(request, CITY_WIDE);
    return map.summary();
  });
}
