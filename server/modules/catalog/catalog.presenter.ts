import type { AreaDto, CategoryDto, CategoryQuestion, Deadline, UnitDto } from '../../../shared/schemas/categories';
import type { Priority } from '../../../shared/domain/channels';
import type { AreaRow, CategoryRow, UnitRow } from './catalog.repository';

/** Category row -> public DTO (an Open311 service). */
export function presentCategory(c: CategoryRow): CategoryDto {
  return {
    code: c.code,
    name: { vi: c.nameVi, en: c.nameEn },
    group: c.groupCode,
    groupName: { vi: c.groupVi, en: c.groupEn },
    icon: c.icon,
    defaultPriority: c.defaultPriority as Priority,
    deadline: { value: c.deadlineValue, unit: c.deadlineUnit as 'hours' | 'working_days' },
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
  return byPriority[priority as Priority] ?? { value: c.deadlineValue, unit: c.deadlineUnit as Deadline['unit'] };
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
