import type { Db } from './db/client';
import type { Clock } from './domain/clock';
import type { WorkingCalendar } from './domain/working-time';
import { AuthRepository } from './modules/auth/auth.repository';
import { AuthService } from './modules/auth/auth.service';
import { CatalogRepository } from './modules/catalog/catalog.repository';
import { CatalogService } from './modules/catalog/catalog.service';
import { ReportsRepository } from './modules/reports/reports.repository';
import { ReportsService } from './modules/reports/reports.service';
import { RoutingService } from './modules/routing/routing.service';
import { StatsRepository } from './modules/stats/stats.repository';
import { StatsService } from './modules/stats/stats.service';

/** Every service, wired once; HTTP routes, sockets and scripts share them. */
export interface Services {
  auth: AuthService;
  catalog: CatalogService;
  routing: RoutingService;
  reports: ReportsService;
  stats: StatsService;
}

/** Options that shape the services. */
export interface ServiceOptions {
  codePrefix: string;
  sessionTtlMs: number;
  calendar?: WorkingCalendar;
}

/** Builds the services over one database connection. */
export function createServices(db: Db, clock: Clock, options: ServiceOptions): Services {
  const catalog = new CatalogService(new CatalogRepository(db), clock);
  const routing = new RoutingService(catalog);
  return {
    auth: new AuthService(new AuthRepository(db), clock, options.sessionTtlMs),
    catalog,
    routing,
    reports: new ReportsService(new ReportsRepository(db), catalog, routing, clock, options),
    stats: new StatsService(new StatsRepository(db), clock, options.calendar),
  };
}
