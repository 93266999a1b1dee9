import type { FastifyInstance } from 'fastify';
import { StaffMapQuery } from '../../../shared/schemas/ioc';
import { parseInput } from '../../domain/app-error';
import { requireUser } from '../../plugins/auth';
import type { IocMapService } from './iocmap.service';

/** Who has a wall: the IOC and admins (the city), leaders (the city, or their unit's reports only). */
const WALL_ROLES = ['operator', 'admin', 'leader'] as const;

/** The IOC wall: clustered open reports and headline counters, of the reports the user may see. */
export function iocMapRoutes(app: FastifyInstance, map: IocMapService): void {
  app.get('/api/ioc/map', async (request) => {
    const user = requireUser(request, WALL_ROLES);
    return map.features(user, parseInput(StaffMapQuery, request.query, 'query'));
  });
  app.get('/api/ioc/summary', async (request) => {
    const user = requireUser(request, WALL_ROLES);
    return map.summary(user);
  });
}
