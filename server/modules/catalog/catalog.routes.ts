import type { FastifyInstance } from 'fastify';
import type { CatalogService } from './catalog.service';
import { presentArea, presentCategory, presentUnit } from './catalog.presenter';
import { requireUser } from '../../plugins/auth';

/** Public configuration: categories and area boundaries; units for staff. */
export function catalogRoutes(app: FastifyInstance, catalog: CatalogService): void {
  app.get('/api/categories', async () => catalog.current().categories.map(presentCategory));
  app.get('/api/areas', async () => catalog.current().areas.map(presentArea));
  app.get('/api/units', async (request) => {
    requireUser(request);
    return catalog
      .current()
      .units.filter((u) => u.active)
      .map(presentUnit);
  });
}
