import type { z } from 'zod';
import type { FieldError } from '../../../shared/domain/errors';
import type { AdminCategory, CategoryInput, CategoryPatch } from '../../../shared/schemas/admin';
import { AppError } from '../../domain/app-error';
import { checkRoom, conflict, notFound, recordUpdate, type AdminChanges, type AuditActor } from './admin.context';
import { categoryValues, presentAdminCategory } from './admin.presenter';
import type { CatalogAdminRepository, CategoryValues } from './catalog-admin.repository';

type CategoryIn = z.output<typeof CategoryInput>;
type CategoryPatchIn = z.output<typeof CategoryPatch>;

const LIST_TYPES = new Set(['singlevaluelist', 'multivaluelist']);

/**
 * What the schema alone cannot check: question codes unique, list questions with (unique) values, and
 * no second `normal` deadline. Paths start with `prefix` (e.g. `categories.2.` in a config file).
 */
export function categoryProblems(input: Partial<CategoryIn>, prefix = ''): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  (input.questions ?? []).forEach((q, i) => {
    const at = `${prefix}questions.${i}`;
    if (seen.has(q.code)) problems.push({ path: `${at}.code`, message: `"${q.code}" is used by another question` });
    seen.add(q.code);
    if (LIST_TYPES.has(q.datatype) && !q.values?.length)
      problems.push({ path: `${at}.values`, message: 'a list question needs at least one value' });
    const keys = new Set<string>();
    (q.values ?? []).forEach((v, j) => {
      if (keys.has(v.key)) problems.push({ path: `${at}.values.${j}.key`, message: `"${v.key}" is listed twice` });
      keys.add(v.key);
    });
  });
  const normal = input.deadlinesByPriority?.normal;
  if (normal && input.deadline && (normal.value !== input.deadline.value || normal.unit !== input.deadline.unit))
    problems.push({
      path: `${prefix}deadlinesByPriority.normal`,
      message: 'differs from "deadline", which is the deadline of a normal report',
    });
  return problems;
}

/** Throws a 422 listing the problems, if any. */
export function throwProblems(problems: FieldError[], what: string): void {
  if (problems.length === 0) return;
  throw new AppError(
    'validation_failed',
    `The ${what} has ${problems.length} invalid field(s): ${problems.map((p) => p.path).join(', ')}`,
    problems,
  );
}

/** The stored columns of a category input: `normal` lives in `deadline`, not in the per-priority map. */
export function storedCategoryValues(input: Partial<CategoryIn>): Partial<CategoryValues> {
  if (!input.deadlinesByPriority?.normal) return categoryValues(input);
  const { normal: _normal, ...others } = input.deadlinesByPriority;
  return categoryValues({ ...input, deadlinesByPriority: others });
}

/** Categories (Open311 services): every field editable except the code; inactive ones leave the public list. */
export class CategoriesAdminService {
  constructor(
    private readonly repo: CatalogAdminRepository,
    private readonly changes: AdminChanges,
  ) {}

  /** Every category, inactive ones included. */
  list(): { items: AdminCategory[] } {
    return { items: this.repo.categories().map(presentAdminCategory) };
  }

  /** Creates a category (409 when the code is taken). */
  create(actor: AuditActor, input: CategoryIn): AdminCategory {
    throwProblems(categoryProblems(input), 'category');
    return this.changes.apply(actor, (record) => {
      if (this.repo.categoryByCode(input.code))
        throw conflict(`A category with the code "${input.code}" already exists; choose another code.`);
      checkRoom('categories', this.repo.categories().length);
      const row = this.repo.insertCategory(storedCategoryValues(input) as CategoryValues);
      const after = presentAdminCategory(row);
      record({ entity: 'category', entityId: row.code, action: 'create', before: null, after });
      return after;
    });
  }

  /** Changes any field but the code. */
  patch(actor: AuditActor, code: string, patch: CategoryPatchIn): AdminCategory {
    return this.changes.apply(actor, (record) => {
      const row = this.repo.categoryByCode(code);
      if (!row) throw notFound(`No category has the code "${code}".`);
      const before = presentAdminCategory(row);
      throwProblems(categoryProblems({ deadline: before.deadline, ...patch }), 'category');
      const updated = this.repo.updateCategory(code, storedCategoryValues(patch));
      const after = presentAdminCategory(updated);
      recordUpdate(record, { entity: 'category', entityId: code, before, after });
      return after;
    });
  }
}
