import { CONFIG_FORMAT, type ConfigFile } from '../../../shared/schemas/admin';
import type { Clock } from '../../domain/clock';
import type { CalendarService } from '../deadlines/calendar.service';
import { auditUnit, presentAdminCategory, presentTemplate } from './admin.presenter';
import { calendarSettingsOf } from './calendar-admin.service';
import type { AreaRow, CatalogAdminRepository, RuleRow, UnitRow } from './catalog-admin.repository';
import type { TemplatesRepository } from './templates.repository';
import type { UsersRepository } from './users.repository';

type ConfigArea = NonNullable<ConfigFile['areas']>['features'][number];

/** An area as a GeoJSON Feature of the config file. */
export function areaFeature(a: AreaRow): ConfigArea {
  return {
    type: 'Feature',
    properties: {
      code: a.code,
      name: a.nameVi,
      nameEn: a.nameEn,
      note: a.note,
      validFrom: new Date(a.validFrom).toISOString(),
    },
    geometry: JSON.parse(a.geometry) as ConfigArea['geometry'],
  };
}

/** A rule of the config file: units by code, so the file means the same in another database. */
export function configRule(r: RuleRow, units: ReadonlyMap<number, UnitRow>): ConfigFile['rules'][number] {
  return { categoryCode: r.categoryCode, areaCode: r.areaCode, unitCode: units.get(r.unitId)?.code ?? '' };
}

/** A template of the config file (no id). */
export function configTemplate(row: Parameters<typeof presentTemplate>[0]): ConfigFile['templates'][number] {
  const { id: _id, ...rest } = presentTemplate(row);
  return rest;
}

/** Writes the whole configuration as one file: no API keys, no password hashes, no reports. */
export class ConfigExporter {
  constructor(
    private readonly catalogRepo: CatalogAdminRepository,
    private readonly templatesRepo: TemplatesRepository,
    private readonly usersRepo: UsersRepository,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  /** The configuration as it is now. */
  export(): ConfigFile {
    const now = this.clock.now();
    const units = this.catalogRepo.units();
    const unitById = new Map(units.map((u) => [u.id, u]));
    return {
      format: CONFIG_FORMAT,
      exportedAt: new Date(now).toISOString(),
      units: units.map((u) => {
        const { id: _id, ...rest } = auditUnit(u);
        return rest;
      }),
      categories: this.catalogRepo.categories().map(presentAdminCategory),
      areas: { type: 'FeatureCollection', features: this.catalogRepo.areasValidAt(now).map(areaFeature) },
      rules: this.catalogRepo.rules().map((r) => configRule(r, unitById)),
      templates: this.templatesRepo.all().map(configTemplate),
      calendar: calendarSettingsOf(this.calendar.current()),
      users: this.usersRepo.all().map((u) => ({
        username: u.username,
        displayName: u.displayName,
        role: u.role as ConfigFile['users'][number]['role'],
        unitCode: u.unitId === null ? null : (unitById.get(u.unitId)?.code ?? null),
        disabled: u.disabled,
      })),
    };
  }
}
