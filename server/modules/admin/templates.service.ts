import type { z } from 'zod';
import type { ReplyTemplate, TemplateInput, TemplatePatch, TemplatesQuery } from '../../../shared/schemas/admin';
import { checkRoom, invalid, notFound, recordUpdate, type AdminChanges, type AuditActor } from './admin.context';
import { presentTemplate } from './admin.presenter';
import type { CatalogAdminRepository } from './catalog-admin.repository';
import type { TemplateRow, TemplateValues, TemplatesRepository } from './templates.repository';

type TemplateIn = z.output<typeof TemplateInput>;

/** The columns of a (partial) template input. */
export function templateValues(input: Partial<TemplateIn>): Partial<TemplateValues> {
  const v: Partial<TemplateValues> = {};
  if (input.categoryCode !== undefined) v.categoryCode = input.categoryCode;
  if (input.action !== undefined) v.action = input.action;
  if (input.title) [v.titleVi, v.titleEn] = [input.title.vi, input.title.en];
  if (input.text) [v.textVi, v.textEn] = [input.text.vi, input.text.en];
  if (input.sortOrder !== undefined) v.sortOrder = input.sortOrder;
  return v;
}

/** Reply templates that unit staff and operators pick from, per category (or any) and action, vi + en. */
export class TemplatesService {
  constructor(
    private readonly repo: TemplatesRepository,
    private readonly catalogRepo: CatalogAdminRepository,
    private readonly changes: AdminChanges,
  ) {}

  /** For staff: the category's own templates first, then those for any category; optionally one action. */
  forStaff(query: z.output<typeof TemplatesQuery>): { items: ReplyTemplate[] } {
    const rows = query.categoryCode ? this.repo.forCategory(query.categoryCode) : this.repo.all();
    return {
      items: rows.filter((r) => query.action === undefined || r.action === query.action).map(presentTemplate),
    };
  }

  /** For admins: every template. */
  list(): { items: ReplyTemplate[] } {
    return { items: this.repo.all().map(presentTemplate) };
  }

  /** Adds a template. */
  create(actor: AuditActor, input: TemplateIn): ReplyTemplate {
    return this.changes.apply(actor, (record) => {
      this.checkCategory(input.categoryCode);
      checkRoom('templates', this.repo.all().length);
      const row = this.repo.insert({ ...(templateValues(input) as TemplateValues), sortOrder: input.sortOrder ?? 0 });
      const after = presentTemplate(row);
      record({ entity: 'template', entityId: row.id, action: 'create', before: null, after });
      return after;
    });
  }

  /** Changes a template. */
  patch(actor: AuditActor, id: number, patch: z.output<typeof TemplatePatch>): ReplyTemplate {
    return this.changes.apply(actor, (record) => {
      const before = presentTemplate(this.existing(id));
      if (patch.categoryCode !== undefined) this.checkCategory(patch.categoryCode);
      const after = presentTemplate(this.repo.update(id, templateValues(patch)));
      recordUpdate(record, { entity: 'template', entityId: id, before, after });
      return after;
    });
  }

  /** Deletes a template. */
  remove(actor: AuditActor, id: number): void {
    this.changes.apply(actor, (record) => {
      const before = presentTemplate(this.existing(id));
      this.repo.delete(id);
      record({ entity: 'template', entityId: id, action: 'delete', before, after: null });
    });
  }

  private existing(id: number): TemplateRow {
    const row = this.repo.byId(id);
    if (!row) throw notFound(`No reply template has the id ${id}.`);
    return row;
  }

  private checkCategory(code: string | null): void {
    if (code !== null && !this.catalogRepo.categoryByCode(code))
      throw invalid('categoryCode', 'is not a category of the city');
  }
}
