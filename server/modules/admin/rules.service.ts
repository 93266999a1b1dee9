import type { z } from 'zod';
import type { FieldError } from '../../../shared/domain/errors';
import type { AdminRule, RuleInput, RulePatch, RuleTestInput, RuleTestResult } from '../../../shared/schemas/admin';
import { ruleSpecificity } from '../../domain/routing';
import type { CatalogService } from '../catalog/catalog.service';
import type { RoutingService } from '../routing/routing.service';
import {
  checkRoom,
  conflict,
  invalid,
  notFound,
  recordUpdate,
  type AdminChanges,
  type AuditActor,
} from './admin.context';
import { presentRule } from './admin.presenter';
import { throwProblems } from './categories.service';
import type { CatalogAdminRepository } from './catalog-admin.repository';

type RuleIn = z.output<typeof RuleInput>;

/** Routing rules (category or any) x (area or any) -> unit, and the "test a point" tool. */
export class RulesAdminService {
  constructor(
    private readonly repo: CatalogAdminRepository,
    private readonly changes: AdminChanges,
    private readonly catalog: CatalogService,
    private readonly routing: RoutingService,
  ) {}

  /** Every rule, oldest first (the order ties are broken in). */
  list(): { items: AdminRule[] } {
    return { items: this.repo.rules().map(presentRule) };
  }

  /** Adds a rule: known category and area, an active unit, and no other rule for the same pair. */
  create(actor: AuditActor, input: RuleIn): AdminRule {
    return this.changes.apply(actor, (record) => {
      this.check(input, null);
      checkRoom('rules', this.repo.rules().length);
      const row = this.repo.insertRule(input);
      record({ entity: 'rule', entityId: row.id, action: 'create', before: null, after: presentRule(row) });
      return presentRule(row);
    });
  }

  /** Changes a rule's category, area or unit. */
  patch(actor: AuditActor, id: number, patch: z.output<typeof RulePatch>): AdminRule {
    return this.changes.apply(actor, (record) => {
      const row = this.repo.ruleById(id);
      if (!row) throw notFound(`No routing rule has the id ${id}.`);
      const before = presentRule(row);
      const merged = { ...before, ...patch };
      this.check(merged, id);
      const after = presentRule(
        this.repo.updateRule(id, {
          categoryCode: merged.categoryCode,
          areaCode: merged.areaCode,
          unitId: merged.unitId,
        }),
      );
      recordUpdate(record, { entity: 'rule', entityId: id, before, after });
      return after;
    });
  }

  /** Deletes a rule; its reports then follow the next most specific rule (or go to the IOC). */
  remove(actor: AuditActor, id: number): void {
    this.changes.apply(actor, (record) => {
      const row = this.repo.ruleById(id);
      if (!row) throw notFound(`No routing rule has the id ${id}.`);
      this.repo.deleteRule(id);
      record({ entity: 'rule', entityId: id, action: 'delete', before: presentRule(row), after: null });
    });
  }

  /**
   * Where a report at this point would go, per active category (or the given one): the winner comes
   * from the routing service itself, so this tool and real routing cannot disagree.
   */
  test(input: z.output<typeof RuleTestInput>): RuleTestResult {
    const snap = this.catalog.current();
    const codes = input.categoryCode ? [input.categoryCode] : snap.categories.map((c) => c.code);
    if (input.categoryCode && !snap.categoryByCode.has(input.categoryCode))
      throw invalid('categoryCode', 'is not an active category');
    const area = snap.areaIndex.locate(input.lng, input.lat);
    return {
      area: area ? { code: area.code, name: area.name } : null,
      results: codes.map((categoryCode) => {
        const routed = this.routing.route({ lat: input.lat, lng: input.lng }, categoryCode);
        // Outside every area no rule applies at all (the IOC inbox), as in routing itself.
        const candidates = area
          ? snap.rules
              .filter(
                (r) =>
                  (r.categoryCode === null || r.categoryCode === categoryCode) &&
                  (r.areaCode === null || r.areaCode === area.code),
              )
              .map((r) => ({ ruleId: r.id, unitId: r.unitId, specificity: ruleSpecificity(r) }))
              .sort((a, b) => b.specificity - a.specificity || a.ruleId - b.ruleId)
          : [];
        return {
          categoryCode,
          ruleId: routed.ruleId,
          unit: { id: routed.unit.id, name: routed.unit.nameVi },
          candidates,
        };
      }),
    };
  }

  private check(rule: RuleIn, selfId: number | null): void {
    const problems: FieldError[] = [];
    if (rule.categoryCode !== null && !this.repo.categoryByCode(rule.categoryCode))
      problems.push({ path: 'categoryCode', message: 'is not a category of the city' });
    if (rule.areaCode !== null && !this.repo.areaExists(rule.areaCode, this.changes.clock.now()))
      problems.push({ path: 'areaCode', message: 'is not a current area of the city' });
    const unit = this.repo.unitById(rule.unitId);
    if (!unit || !unit.active) problems.push({ path: 'unitId', message: 'is not an active unit' });
    throwProblems(problems, 'rule');
    const same = this.repo.ruleFor(rule.categoryCode, rule.areaCode);
    if (same && same.id !== selfId)
      throw conflict(
        `Rule ${same.id} already routes ${rule.categoryCode ?? 'every category'} in ${rule.areaCode ?? 'every area'}; change that rule instead.`,
      );
  }
}
