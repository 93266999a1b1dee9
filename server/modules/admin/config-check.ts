import type { FieldError } from '../../../shared/domain/errors';
import type { ConfigFile } from '../../../shared/schemas/admin';
import { categoryProblems } from './categories.service';
import type { CatalogAdminRepository } from './catalog-admin.repository';

/** Reports `${list}.${i}${field}` for every entry whose key was already seen. */
function duplicates<T>(items: readonly T[], key: (item: T) => string, list: string, field = ''): FieldError[] {
  const seen = new Set<string>();
  const problems: FieldError[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) problems.push({ path: `${list}.${i}${field}`, message: `"${k}" is listed twice` });
    seen.add(k);
  });
  return problems;
}

/**
 * What the schema cannot see in a config file: codes listed twice, and references (rules, templates,
 * users, ward committees) to units, categories and areas that neither the file nor the city has.
 * The result is what the city would be after the import, so all of it must hold together.
 */
export function configProblems(file: ConfigFile, repo: CatalogAdminRepository, now: number): FieldError[] {
  const problems: FieldError[] = [
    ...duplicates(file.units, (u) => u.code, 'units', '.code'),
    ...duplicates(file.categories, (c) => c.code, 'categories', '.code'),
    ...duplicates(file.users, (u) => u.username, 'users', '.username'),
    ...duplicates(file.rules, (r) => `${r.categoryCode ?? '(any category)'} in ${r.areaCode ?? '(any area)'}`, 'rules'),
  ];
  file.categories.forEach((c, i) => problems.push(...categoryProblems(c, `categories.${i}.`)));
  if (file.areas)
    problems.push(...duplicates(file.areas.features, (f) => f.properties.code, 'areas.features', '.properties.code'));

  // The city after the import: units and categories upserted by code, areas from the file if it has them.
  const units = new Map(
    repo.units().map((u) => [u.code, { kind: u.kind, active: u.active, id: u.id as number | null }]),
  );
  for (const u of file.units) {
    const existing = units.get(u.code);
    if (existing?.kind === 'ioc' && u.kind !== 'ioc')
      problems.push({ path: `units.${file.units.indexOf(u)}.kind`, message: 'the IOC unit stays the IOC' });
    units.set(u.code, { kind: u.kind, active: u.active ?? existing?.active ?? true, id: existing?.id ?? null });
  }
  const iocs = [...units.entries()].filter(([, u]) => u.kind === 'ioc');
  if (iocs.length !== 1)
    problems.push({ path: 'units', message: `the city needs exactly one IOC unit, not ${iocs.length}` });
  else if (!iocs[0]![1].active) problems.push({ path: 'units', message: 'the IOC unit must stay active' });
  file.units.forEach((u, i) => {
    const id = units.get(u.code)?.id;
    if (u.active === false && id != null) {
      const open = repo.openReportsOfUnit(id);
      if (open > 0)
        problems.push({
          path: `units.${i}.active`,
          message: `the unit has ${open} open report(s); re-route them first`,
        });
    }
  });

  const categories = new Set([...repo.categories().map((c) => c.code), ...file.categories.map((c) => c.code)]);
  const areas = new Set(
    file.areas ? file.areas.features.map((f) => f.properties.code) : repo.areasValidAt(now).map((a) => a.code),
  );
  file.units.forEach((u, i) => {
    if (u.areaCode && !areas.has(u.areaCode))
      problems.push({ path: `units.${i}.areaCode`, message: 'is not an area of the city' });
  });
  file.rules.forEach((r, i) => {
    if (r.categoryCode !== null && !categories.has(r.categoryCode))
      problems.push({ path: `rules.${i}.categoryCode`, message: 'is not a category of the city' });
    if (r.areaCode !== null && !areas.has(r.areaCode))
      problems.push({ path: `rules.${i}.areaCode`, message: 'is not an area of the city' });
    if (!units.get(r.unitCode)?.active)
      problems.push({ path: `rules.${i}.unitCode`, message: 'is not an active unit' });
  });
  file.templates.forEach((t, i) => {
    if (t.categoryCode !== null && !categories.has(t.categoryCode))
      problems.push({ path: `templates.${i}.categoryCode`, message: 'is not a category of the city' });
  });
  file.users.forEach((u, i) => {
    if (u.unitCode === null && u.role === 'staff')
      problems.push({ path: `users.${i}.unitCode`, message: 'is required for unit staff' });
    if (u.unitCode !== null && !units.has(u.unitCode))
      problems.push({ path: `users.${i}.unitCode`, message: 'is not a unit of the city' });
  });
  return problems;
}
