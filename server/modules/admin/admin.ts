import type { Db } from '../../db/client';
import type { Clock } from '../../domain/clock';
import type { AuditService } from '../audit/audit.service';
import type { CatalogService } from '../catalog/catalog.service';
import type { CalendarService } from '../deadlines/calendar.service';
import type { RoutingService } from '../routing/routing.service';
import { AdminChanges } from './admin.context';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import { CalendarAdminService } from './calendar-admin.service';
import { CatalogAdminRepository } from './catalog-admin.repository';
import { CategoriesAdminService } from './categories.service';
import { ConfigExporter } from './config-export';
import { ConfigImporter, type AreaImporter } from './config-import';
import { RulesAdminService } from './rules.service';
import { TemplatesRepository } from './templates.repository';
import { TemplatesService } from './templates.service';
import { UnitsAdminService } from './units.service';
import { UsersRepository } from './users.repository';
import { UsersAdminService } from './users.service';

/** The administration services, one per aggregate. */
export interface AdminServices {
  units: UnitsAdminService;
  categories: CategoriesAdminService;
  rules: RulesAdminService;
  templates: TemplatesService;
  users: UsersAdminService;
  apiKeys: ApiKeysService;
  calendar: CalendarAdminService;
  audit: AuditService;
  configExport: ConfigExporter;
  configImport: ConfigImporter;
}

/** What the administration needs from the rest of the server. */
export interface AdminDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  catalog: CatalogService;
  routing: RoutingService;
  calendar: CalendarService;
  /** The areas module's import, used by the configuration import when the file's boundaries differ. */
  areas?: AreaImporter;
}

/** Wires the administration services over one database connection. */
export function createAdminServices(deps: AdminDeps): AdminServices {
  const changes = new AdminChanges(deps.db, deps.clock, deps.audit, deps.catalog);
  const catalogRepo = new CatalogAdminRepository(deps.db);
  const templatesRepo = new TemplatesRepository(deps.db);
  const usersRepo = new UsersRepository(deps.db);
  const calendar = new CalendarAdminService(deps.calendar, changes);
  return {
    units: new UnitsAdminService(catalogRepo, changes),
    categories: new CategoriesAdminService(catalogRepo, changes),
    rules: new RulesAdminService(catalogRepo, changes, deps.catalog, deps.routing),
    templates: new TemplatesService(templatesRepo, catalogRepo, changes),
    users: new UsersAdminService(usersRepo, catalogRepo, changes),
    apiKeys: new ApiKeysService(new ApiKeysRepository(deps.db), changes),
    calendar,
    audit: deps.audit,
    configExport: new ConfigExporter(catalogRepo, templatesRepo, usersRepo, deps.calendar, deps.clock),
    configImport: new ConfigImporter(catalogRepo, templatesRepo, usersRepo, calendar, changes, deps.areas ?? null),
  };
}
