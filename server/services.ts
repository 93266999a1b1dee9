import type { Db } from './db/client';
import type { Clock } from './domain/clock';
import { createAdminServices, type AdminServices } from './modules/admin/admin';
import { AuditService } from './modules/audit/audit.service';
import { createAreasService, type AreasService } from './modules/areas/areas.service';
import { AuthRepository } from './modules/auth/auth.repository';
import { AuthService } from './modules/auth/auth.service';
import { CatalogRepository } from './modules/catalog/catalog.repository';
import { CatalogService } from './modules/catalog/catalog.service';
import { CalendarService } from './modules/deadlines/calendar.service';
import { OverdueScheduler } from './modules/deadlines/overdue.scheduler';
import { IocMapRepository } from './modules/iocmap/iocmap.repository';
import { IocMapService } from './modules/iocmap/iocmap.service';
import { Open311Repository } from './modules/open311/open311.repository';
import { Open311Service } from './modules/open311/open311.service';
import { TriageService } from './modules/triage/triage.service';
import { PhotoStore } from './modules/photos/photo-store';
import { PhotosService } from './modules/photos/photos.service';
import { PublicMapRepository } from './modules/publicmap/publicmap.repository';
import { PublicMapService } from './modules/publicmap/publicmap.service';
import { ReportWriter } from './modules/reports/report-writer';
import { ReportsRepository } from './modules/reports/reports.repository';
import { ReportsService } from './modules/reports/reports.service';
import { ReviewService } from './modules/spam/review.service';
import { SenderGate } from './modules/spam/sender';
import { SpamRepository } from './modules/spam/spam.repository';
import { ResidentTokens } from './modules/residents/resident-tokens';
import { ResidentsService } from './modules/residents/residents.service';
import { RoutingService } from './modules/routing/routing.service';
import { StatsRepository } from './modules/stats/stats.repository';
import { StatsService } from './modules/stats/stats.service';
import { createStatsReads, inProcessStatsReads, type AsyncStatsReads } from './modules/stats/stats.reads';
import { StatsWorker } from './workers/stats-worker';

/** Every service, wired once; HTTP routes, sockets and scripts share them. */
export interface Services {
  audit: AuditService;
  admin: AdminServices;
  areas: AreasService;
  auth: AuthService;
  catalog: CatalogService;
  routing: RoutingService;
  writer: ReportWriter;
  reports: ReportsService;
  review: ReviewService;
  residents: ResidentsService;
  photos: PhotosService;
  publicMap: PublicMapService;
  stats: StatsService;
  /** The leaders' reads (overview, drill-down, heat map, export): in the worker thread for a database file. */
  statsReads: AsyncStatsReads;
  statsWorker: StatsWorker | undefined;
  calendar: CalendarService;
  overdue: OverdueScheduler;
  triage: TriageService;
  iocMap: IocMapService;
  /** Open311 GeoReport v2 (public reads; filing for API-key clients). */
  open311: Open311Service;
}

/** Options that shape the services. */
export interface ServiceOptions {
  codePrefix: string;
  sessionTtlMs: number;
  /** A session unused this long ends (`SESSION_IDLE_MINUTES`; default an hour). */
  sessionIdleMs?: number;
  /** Keys session hashes and sealed TOTP secrets (`SESSION_SECRET`; default the development one). */
  sessionSecret?: string;
  /** Where processed photos are stored (DATA_DIR/photos). */
  photoDir: string;
  /** Largest photo upload in bytes (`PHOTO_MAX_MB`). */
  photoMaxBytes?: number;
  /** Most uploads whose photos are being re-encoded or waiting for it (see PhotosService). */
  photoMaxInProgress?: number;
  /** Largest GeoJSON upload of an area import in bytes (`AREA_IMPORT_MAX_MB`). */
  areaImportMaxBytes?: number;
}

/** Builds the services over one database connection. */
export function createServices(db: Db, clock: Clock, options: ServiceOptions): Services {
  const catalog = new CatalogService(new CatalogRepository(db), clock);
  const routing = new RoutingService(catalog);
  const reportsRepo = new ReportsRepository(db);
  const writer = new ReportWriter(reportsRepo);
  const tokens = new ResidentTokens(db);
  const photos = new PhotosService(new PhotoStore(options.photoDir), options.photoMaxBytes, options.photoMaxInProgress);
  const calendar = new CalendarService(db);
  const spam = new SpamRepository(db);
  const reports = new ReportsService(
    reportsRepo,
    writer,
    catalog,
    routing,
    tokens,
    photos,
    calendar,
    clock,
    options,
    new SenderGate(db, spam, clock),
    spam,
  );
  const iocMap = new IocMapService(new IocMapRepository(db), clock);
  writer.onCommitted(iocMap);
  const publicMap = new PublicMapService(new PublicMapRepository(db), clock, () => catalog.current());
  writer.onCommitted(publicMap);
  const audit = new AuditService(db, clock);
  const areas = createAreasService(db, catalog, audit, clock);
  const statsWorker = db.$client.memory ? undefined : new StatsWorker(db.$client.name);
  const admin = createAdminServices({ db, clock, audit, catalog, routing, calendar, areas });
  return {
    review: new ReviewService(spam, reportsRepo, reports, photos, catalog, audit, clock),
    audit,
    admin,
    areas,
    auth: new AuthService(new AuthRepository(db), clock, {
      ttlMs: options.sessionTtlMs,
      ...(options.sessionIdleMs !== undefined ? { idleMs: options.sessionIdleMs } : {}),
      ...(options.sessionSecret !== undefined ? { secret: options.sessionSecret } : {}),
    }),
    catalog,
    routing,
    writer,
    reports,
    residents: new ResidentsService(reportsRepo, writer, reports, catalog, tokens, photos, clock),
    photos,
    publicMap,
    stats: new StatsService(new StatsRepository(db), clock),
    // A database file gets the statistics worker thread; an in-memory one (tests) cannot be shared with it.
    statsReads: db.$client.memory ? inProcessStatsReads(createStatsReads(db)) : statsWorker!.reads,
    statsWorker,
    calendar,
    overdue: new OverdueScheduler(db, writer, clock),
    triage: new TriageService(reportsRepo, writer, reports, catalog, routing, calendar, clock),
    iocMap,
    open311: new Open311Service(new Open311Repository(db), catalog, reports, admin.apiKeys, clock),
  };
}
