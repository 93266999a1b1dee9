import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import {
  ConfigFile,
  type AreaImportOptions,
  type AreaImportResult,
  type ConfigImportSummary,
} from '../../../shared/schemas/admin';
import { AppError, parseInput } from '../../domain/app-error';
import { AuthService } from '../auth/auth.service';
import { invalid, same, type AdminChanges, type AuditActor, type Recorder } from './admin.context';
import { auditUnit, presentAdminCategory, presentAdminUser, unitValues } from './admin.presenter';
import type { CalendarAdminService } from './calendar-admin.service';
import { storedCategoryValues, throwProblems } from './categories.service';
import type { CatalogAdminRepository, CategoryValues } from './catalog-admin.repository';
import { configProblems } from './config-check';
import { configRule, configTemplate } from './config-export';
import { templateValues } from './templates.service';
import type { TemplateValues, TemplatesRepository } from './templates.repository';
import type { UsersRepository } from './users.repository';

/** The boundary import a configuration import hands changed areas to (the areas module's service). */
export interface AreaImporter {
  /** Checks and imports a FeatureCollection synchronously, nested in the caller's transaction. */
  importCollection(
    collection: unknown,
    options: z.input<typeof AreaImportOptions>,
    actor: AuditActor,
  ): AreaImportResult;
}

type ConfigAreas = NonNullable<ConfigFile['areas']>;

/**
 * Applies a configuration file: checked whole first (422 listing every problem with its path), then
 * applied in one transaction, all or nothing. Units and categories are upserted by code; rules,
 * templates and the calendar are replaced (left alone when equal); areas are imported when they differ;
 * missing users are created disabled with an unusable password, existing users are not touched.
 */
export class ConfigImporter {
  constructor(
    private readonly catalogRepo: CatalogAdminRepository,
    private readonly templatesRepo: TemplatesRepository,
    private readonly usersRepo: UsersRepository,
    private readonly calendar: CalendarAdminService,
    private readonly changes: AdminChanges,
    private readonly areas: AreaImporter | null,
  ) {}

  /** Checks and applies a configuration file; returns what changed. */
  async import(actor: AuditActor, body: unknown): Promise<ConfigImportSummary> {
    const file = parseInput(ConfigFile, body, 'configuration file');
    throwProblems(configProblems(file, this.catalogRepo, this.changes.clock.now()), 'configuration file');
    // Accounts the file brings get a password nobody knows (argon2 is asynchronous: hash before the transaction).
    const bringsAccounts = file.users.some((u) => !this.usersRepo.byUsername(u.username));
    const unusableHash = bringsAccounts ? await AuthService.hashPassword(randomBytes(32).toString('base64url')) : '';

    return this.changes.apply(actor, (record) => {
      // Again inside the transaction: the city may have changed while the password was being hashed.
      throwProblems(configProblems(file, this.catalogRepo, this.changes.clock.now()), 'configuration file');
      const summary: ConfigImportSummary = {
        units: this.applyUnits(record, file.units),
        categories: this.applyCategories(record, file.categories),
        areas: this.applyAreas(actor, file.areas),
        rules: this.applyRules(record, file.rules),
        templates: this.applyTemplates(record, file.templates),
        users: this.applyUsers(record, file.users, unusableHash),
        calendar: { changed: this.calendar.differs(file.calendar) },
      };
      record({
        entity: 'config',
        entityId: null,
        action: 'import',
        before: null,
        after: { exportedAt: file.exportedAt ?? null, ...summary },
      });
      // Last: the calendar service caches what it writes (see CalendarAdminService.replaceIn).
      this.calendar.replaceIn(record, file.calendar);
      return summary;
    });
  }

  private applyAreas(actor: AuditActor, areas: ConfigAreas | undefined): ConfigImportSummary['areas'] {
    const none = { changed: false, imported: 0, superseded: 0, retired: 0 };
    if (!areas) return none;
    const current = this.catalogRepo.areasValidAt(this.changes.clock.now());
    const key = (code: string, vi: string, en: string, geometry: unknown) => JSON.stringify([code, vi, en, geometry]);
    const now = new Set(current.map((a) => key(a.code, a.nameVi, a.nameEn, JSON.parse(a.geometry))));
    const inFile = areas.features.map((f) =>
      key(f.properties.code, f.properties.name, f.properties.nameEn, f.geometry),
    );
    if (inFile.length === now.size && inFile.every((k) => now.has(k))) return none;
    if (!this.areas) throw invalid('areas', 'differ from the current boundaries; import them on the areas page first');
    const notes = [...new Set(areas.features.map((f) => f.properties.note ?? null))];
    const starts = [...new Set(areas.features.map((f) => f.properties.validFrom ?? null))];
    // Into a city without boundaries they keep the date they started from; otherwise they replace the
    // current ones from now (reports already filed keep the area they were filed in).
    const validFrom = current.length === 0 && starts.length === 1 && starts[0] ? starts[0] : undefined;
    try {
      const result = this.areas.importCollection(
        areas,
        {
          codeProperty: 'code',
          nameProperty: 'name',
          nameEnProperty: 'nameEn',
          retireMissing: true,
          ...(notes.length === 1 && notes[0] ? { note: notes[0] } : {}),
          ...(validFrom ? { validFrom } : {}),
        },
        actor,
      );
      return { changed: true, imported: result.imported, superseded: result.superseded, retired: result.retired };
    } catch (e) {
      // The areas module names paths inside the FeatureCollection; in this file it is under `areas`.
      if (e instanceof AppError && e.fieldErrors)
        throw new AppError(
          e.code,
          e.detail,
          e.fieldErrors.map((f) => ({ ...f, path: `areas.${f.path}` })),
        );
      throw e;
    }
  }

  private applyUnits(record: Recorder, units: ConfigFile['units']): ConfigImportSummary['units'] {
    const out = { created: [] as string[], updated: [] as string[], unchanged: 0 };
    for (const u of units) {
      const { code, ...values } = unitValues(u);
      const existing = this.catalogRepo.unitByCode(code);
      if (!existing) {
        const row = this.catalogRepo.insertUnit({ code, ...values });
        record({ entity: 'unit', entityId: row.id, action: 'create', before: null, after: auditUnit(row) });
        out.created.push(u.code);
      } else if (!same(auditUnit(existing), auditUnit({ ...existing, ...values }))) {
        const row = this.catalogRepo.updateUnit(existing.id, values);
        record({
          entity: 'unit',
          entityId: row.id,
          action: 'update',
          before: auditUnit(existing),
          after: auditUnit(row),
        });
        out.updated.push(u.code);
      } else out.unchanged++;
    }
    return out;
  }

  private applyCategories(record: Recorder, categories: ConfigFile['categories']): ConfigImportSummary['categories'] {
    const out = { created: [] as string[], updated: [] as string[], unchanged: 0 };
    for (const c of categories) {
      const existing = this.catalogRepo.categoryByCode(c.code);
      if (!existing) {
        const row = this.catalogRepo.insertCategory(storedCategoryValues(c) as CategoryValues);
        record({
          entity: 'category',
          entityId: c.code,
          action: 'create',
          before: null,
          after: presentAdminCategory(row),
        });
        out.created.push(c.code);
        continue;
      }
      // Fields the file leaves out keep their current values, as in a PATCH.
      const before = presentAdminCategory(existing);
      const values = storedCategoryValues(c);
      const after = presentAdminCategory({ ...existing, ...values });
      if (same(before, after)) {
        out.unchanged++;
        continue;
      }
      this.catalogRepo.updateCategory(c.code, values);
      record({ entity: 'category', entityId: c.code, action: 'update', before, after });
      out.updated.push(c.code);
    }
    return out;
  }

  private applyRules(record: Recorder, rules: ConfigFile['rules']): ConfigImportSummary['rules'] {
    const units = this.catalogRepo.units();
    const byId = new Map(units.map((u) => [u.id, u]));
    const byCode = new Map(units.map((u) => [u.code, u]));
    const before = this.catalogRepo.rules().map((r) => configRule(r, byId));
    if (same(before, rules)) return { removed: 0, added: 0 };
    const removed = this.catalogRepo.deleteAllRules();
    for (const r of rules)
      this.catalogRepo.insertRule({
        categoryCode: r.categoryCode,
        areaCode: r.areaCode,
        unitId: byCode.get(r.unitCode)!.id,
      });
    record({ entity: 'rule', entityId: null, action: 'replace', before, after: rules });
    return { removed, added: rules.length };
  }

  private applyTemplates(record: Recorder, templates: ConfigFile['templates']): ConfigImportSummary['templates'] {
    const before = this.templatesRepo.all().map(configTemplate);
    const after = templates.map((t) => ({ ...t, sortOrder: t.sortOrder ?? 0 }));
    if (same(before, after)) return { removed: 0, added: 0 };
    const removed = this.templatesRepo.deleteAll();
    for (const t of after) this.templatesRepo.insert(templateValues(t) as TemplateValues);
    record({ entity: 'template', entityId: null, action: 'replace', before, after });
    return { removed, added: after.length };
  }

  private applyUsers(record: Recorder, users: ConfigFile['users'], passwordHash: string): ConfigImportSummary['users'] {
    const out = { created: [] as string[], existing: 0 };
    for (const u of users) {
      if (this.usersRepo.byUsername(u.username)) {
        out.existing++;
        continue;
      }
      // Accounts are never deleted, so one missing now was missing before the hash was (or not) made.
      if (!passwordHash) throw new Error(`No password hash prepared for the new account "${u.username}".`);
      const unitId = u.unitCode === null ? null : this.catalogRepo.unitByCode(u.unitCode)!.id;
      const row = this.usersRepo.insert({
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        unitId,
        disabled: true,
        passwordHash,
        createdAt: this.changes.clock.now(),
      });
      const after = { ...presentAdminUser(row), password: '(none: an admin sets one to enable the account)' };
      record({ entity: 'user', entityId: row.id, action: 'create', before: null, after });
      out.created.push(u.username);
    }
    return out;
  }
}
