import type { AreaDto, CategoryDto, CategoryQuestion, Deadline, UnitDto } from '../../../shared/schemas/categories';
import type { Priority } from '../../../shared/domain/channels';
import type { AreaRow, CategoryRow, UnitRow } from './catalog.repository';

/** What a category is, as residents and admins both see it: code, names, group, icon and its own deadline. */
export function categoryBasics(c: CategoryRow) {
  return {
    code: c.code,
    name: { vi: c.nameVi, en: c.nameEn },
    group: c.groupCode,
    groupName: { vi: c.groupVi, en: c.groupEn },
    icon: c.icon,
    defaultPriority: c.defaultPriority as Priority,
    deadline: ownDeadline(c),
  };
}

/** Category row -> public DTO (an Open311 service). */
export function presentCategory(c: CategoryRow): CategoryDto {
  return {
    ...categoryBasics(c),
    questions: questionsOf(c),
    duplicateRadiusM: c.duplicateRadiusM,
    duplicateDays: c.duplicateDays,
    reopenWindowDays: c.reopenWindowDays,
    resolution: { reply: c.resolveNeedsReply, photo: c.resolveNeedsPhoto },
  };
}

/** The deadline of a report of this category at this priority (`normal` is the category's own). */
export function deadlineFor(c: CategoryRow, priority: string): Deadline {
  const byPriority = JSON.parse(c.deadlinesByPriority) as Partial<Record<Priority, Deadline>>;
  return byPriority[priority as Priority] ?? ownDeadline(c);
}

/** The category's own deadline: the one of a `normal` report. */
function ownDeadline(c: CategoryRow): Deadline {
  return { value: c.deadlineValue, unit: c.deadlineUnit as Deadline['unit'] };
}

/** Area row -> map DTO with its GeoJSON geometry. */
export function presentArea(a: AreaRow): AreaDto {
  return { code: a.code, name: a.nameVi, geometry: JSON.parse(a.geometry) as AreaDto['geometry'], note: a.note };
}

/** Unit row -> DTO. */
export function presentUnit(u: UnitRow): UnitDto {
  return { id: u.id, code: u.code, name: { vi: u.nameVi, en: u.nameEn }, kind: u.kind };
}

/** A category's extra questions, in their order. */
export function questionsOf(c: CategoryRow): CategoryQuestion[] {
  return (JSON.parse(c.questions) as CategoryQuestion[]).sort((a, b) => a.order - b.order);
}
