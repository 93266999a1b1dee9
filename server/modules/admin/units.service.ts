import type { z } from 'zod';
import type { AdminUnit, UnitInput, UnitPatch } from '../../../shared/schemas/admin';
import {
  checkRoom,
  conflict,
  invalid,
  notFound,
  recordUpdate,
  type AdminChanges,
  type AuditActor,
} from './admin.context';
import { auditUnit, presentAdminUnit, unitValues } from './admin.presenter';
import type { CatalogAdminRepository, UnitRow } from './catalog-admin.repository';

type UnitIn = z.output<typeof UnitInput>;
type UnitPatchIn = z.output<typeof UnitPatch>;

/** Units: departments, companies, ward committees and the IOC. Codes are unique and never change. */
export class UnitsAdminService {
  constructor(
    private readonly repo: CatalogAdminRepository,
    private readonly changes: AdminChanges,
  ) {}

  /** Every unit, inactive ones included, with its count of active accounts. */
  list(): { items: AdminUnit[] } {
    return { items: this.repo.units().map(presentAdminUnit) };
  }

  /** Creates a unit (409 when the code is taken, or for a second IOC). */
  create(actor: AuditActor, input: UnitIn): AdminUnit {
    return this.changes.apply(actor, (record) => {
      if (this.repo.unitByCode(input.code))
        throw conflict(`A unit with the code "${input.code}" already exists; choose another code.`);
      checkRoom('units', this.repo.units().length);
      if (input.kind === 'ioc' && this.repo.iocUnits().length > 0)
        throw conflict('The city already has its IOC unit; a second one would split the inbox.');
      this.checkArea(input.areaCode ?? null);
      const row = this.repo.insertUnit(unitValues(input));
      record({ entity: 'unit', entityId: row.id, action: 'create', before: null, after: auditUnit(row) });
      return presentAdminUnit(row);
    });
  }

  /** Changes a unit's names, kind, area or active flag (not its code). */
  patch(actor: AuditActor, id: number, patch: UnitPatchIn): AdminUnit {
    return this.changes.apply(actor, (record) => {
      const before = this.repo.unitById(id);
      if (!before) throw notFound(`No unit has the id ${id}.`);
      this.checkPatch(before, patch);
      const row = this.repo.updateUnit(id, {
        ...(patch.name ? { nameVi: patch.name.vi, nameEn: patch.name.en } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.areaCode !== undefined ? { areaCode: patch.areaCode } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      });
      recordUpdate(record, { entity: 'unit', entityId: id, before: auditUnit(before), after: auditUnit(row) });
      return presentAdminUnit(this.repo.units().find((u) => u.id === id)!);
    });
  }

  /** Refuses changes that would strand reports: the IOC stays, and a unit in use is emptied first. */
  private checkPatch(unit: UnitRow, patch: UnitPatchIn): void {
    if (unit.kind === 'ioc' && patch.kind !== undefined && patch.kind !== 'ioc')
      throw conflict('The IOC unit stays the IOC: reports that match no rule go to its inbox.');
    if (unit.kind !== 'ioc' && patch.kind === 'ioc')
      throw conflict('The city already has its IOC unit; a second one would split the inbox.');
    if (patch.areaCode !== undefined) this.checkArea(patch.areaCode);
    if (patch.active === false && unit.active) {
      if (unit.kind === 'ioc')
        throw conflict('The IOC unit cannot be deactivated: reports that match no rule go to its inbox.');
      const rules = this.repo.rulesOfUnit(unit.id);
      const open = this.repo.openReportsOfUnit(unit.id);
      if (rules > 0 || open > 0) {
        const todo = [
          rules > 0 ? `point its ${rules} routing rule(s) at another unit` : null,
          open > 0 ? `have its ${open} open report(s) re-routed or closed` : null,
        ].filter(Boolean);
        throw conflict(`"${unit.code}" is still in use: ${todo.join(' and ')} before deactivating it.`);
      }
    }
  }

  private checkArea(areaCode: string | null): void {
    if (areaCode !== null && !this.repo.areaExists(areaCode, this.changes.clock.now()))
      throw invalid('areaCode', 'is not a current area of the city (see GET /api/areas)');
  }
}
