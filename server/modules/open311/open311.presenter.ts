import type { CategoryQuestion } from '../../../shared/schemas/categories';
import { toGeoReport, type GeoReportRequest } from '../../domain/georeport';
import { questionsOf } from '../catalog/catalog.presenter';
import type { CategoryRow } from '../catalog/catalog.repository';
import type { Open311Note, Open311Row } from './open311.repository';

/** An Open311 service (a category), with the specification's field names. */
export type Open311ServiceDto = {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
};

/** An attribute of a service definition (a category's extra question). */
export type Open311AttributeDto = {
  variable: true;
  code: string;
  datatype: CategoryQuestion['datatype'];
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
};

/** A service request; with `extensions=true` also its extended attributes and public history. */
export type Open311RequestDto = GeoReportRequest & {
  extended_attributes?: {
    detailed_status: string;
    area_code: string | null;
    area_name: string | null;
    reporter_count: number;
    duplicate_of: string | null;
    duplicates: string[];
  };
  notes?: { datetime: string; type: string; status: string | null; description: string | null }[];
};

/** Category row -> Open311 service (Vietnamese name; English name as the description). */
export function presentService(c: CategoryRow): Open311ServiceDto {
  return {
    service_code: c.code,
    service_name: c.nameVi,
    description: c.nameEn,
    metadata: questionsOf(c).length > 0,
    type: 'realtime',
    // Both names and groups, each once (a category named like its group gives one word, not two).
    keywords: [...new Set([c.nameVi, c.groupVi, c.nameEn, c.groupEn])].join(', '),
    group: c.groupVi,
  };
}

/** Category row -> Open311 service definition: each extra question an attribute, in order. */
export function presentDefinition(c: CategoryRow): { service_code: string; attributes: Open311AttributeDto[] } {
  return {
    service_code: c.code,
    attributes: questionsOf(c).map((q) => ({
      variable: true,
      code: q.code,
      datatype: q.datatype,
      required: q.required,
      datatype_description: q.hint?.vi ?? null,
      order: q.order,
      description: q.label.vi,
      ...(q.datatype === 'singlevaluelist' || q.datatype === 'multivaluelist'
        ? { values: (q.values ?? []).map((v) => ({ key: v.key, name: v.name.vi })) }
        : {}),
    })),
  };
}

/** Report row -> Open311 request (never a personal field: the row has none). */
export function presentRequest(
  row: Open311Row,
  baseUrl: string,
  ext?: { notes: Open311Note[]; duplicates: string[] },
): Open311RequestDto {
  const request: Open311RequestDto = toGeoReport(row, { baseUrl });
  if (!ext) return request;
  return {
    ...request,
    extended_attributes: {
      detailed_status: row.status,
      area_code: row.areaCode,
      area_name: row.areaName,
      reporter_count: row.reporterCount,
      duplicate_of: row.duplicateOf,
      duplicates: ext.duplicates,
    },
    notes: ext.notes.map((n) => ({
      datetime: new Date(n.createdAt).toISOString(),
      type: n.type,
      status: n.toStatus,
      description: n.note,
    })),
  };
}

const ITEMS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
  notes: 'note',
  duplicates: 'duplicate',
};

/** The XML element of a list's items (`services` -> `service`), as the specification names them. */
export function xmlItemName(list: string): string {
  const name = ITEMS[list];
  if (!name) throw new Error(`no XML item name for the list "${list}"`);
  return name;
}
