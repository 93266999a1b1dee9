import { z } from 'zod';
import { QUESTION_DATATYPES } from '../../../shared/schemas/categories';
import { GEOREPORT_COLUMNS, type GeoReportRequest } from '../../domain/georeport';
import type { Open311AttributeDto, Open311RequestDto, Open311ServiceDto } from './open311.presenter';

// The JSON answers of Open311 GeoReport v2 as zod schemas: the OpenAPI document publishes them, and the
// fuzz test holds every `.json` success to them. Each is checked against the presenter's type.

const geoReportFields = Object.fromEntries(
  GEOREPORT_COLUMNS.map((c) => [c, c === 'lat' || c === 'long' ? z.number().nullable() : z.string().nullable()]),
) as unknown as { [K in keyof GeoReportRequest]: z.ZodType<GeoReportRequest[K]> };

/** `discovery.json`. */
export const Open311Discovery = z.strictObject({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.strictObject({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.string(),
      formats: z.array(z.string()),
    }),
  ),
});

/** `services.json`. */
export const Open311Services: z.ZodType<Open311ServiceDto[]> = z.array(
  z.strictObject({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    metadata: z.boolean(),
    type: z.literal('realtime'),
    keywords: z.string(),
    group: z.string(),
  }),
);

const attribute: z.ZodType<Open311AttributeDto> = z.strictObject({
  variable: z.literal(true),
  code: z.string(),
  datatype: z.enum(QUESTION_DATATYPES),
  required: z.boolean(),
  datatype_description: z.string().nullable(),
  order: z.number().int(),
  description: z.string(),
  values: z.array(z.strictObject({ key: z.string(), name: z.string() })).optional(),
});

/** `services/{code}.json`. */
export const Open311Definition = z.strictObject({ service_code: z.string(), attributes: z.array(attribute) });

/** `requests.json` and `requests/{id}.json`: never a personal field (strict: an extra one fails). */
export const Open311Requests = z.array(
  z.strictObject({
    ...geoReportFields,
    extended_attributes: z
      .strictObject({
        detailed_status: z.string(),
        area_code: z.string().nullable(),
        area_name: z.string().nullable(),
        reporter_count: z.number().int().nonnegative(),
        duplicate_of: z.string().nullable(),
        duplicates: z.array(z.string()),
      })
      .optional(),
    notes: z
      .array(
        z.strictObject({
          datetime: z.string(),
          type: z.string(),
          status: z.string().nullable(),
          description: z.string().nullable(),
        }),
      )
      .optional(),
  }),
) satisfies z.ZodType<Open311RequestDto[]>;

/** The 201 of `POST requests.json`. */
export const Open311Created = z.array(
  z.strictObject({ service_request_id: z.string(), service_notice: z.string(), account_id: z.null() }),
);

/** The JSON success of each Open311 operation, by `METHOD path` as the OpenAPI document lists it. */
export const OPEN311_RESPONSES: Record<string, z.ZodType> = {
  'GET /open311/v2/discovery.:format': Open311Discovery,
  'GET /open311/v2/services.:format': Open311Services,
  'GET /open311/v2/services/:service_code.:format': Open311Definition,
  'GET /open311/v2/requests.:format': Open311Requests,
  'POST /open311/v2/requests.:format': Open311Created,
  'GET /open311/v2/requests/:service_request_id.:format': Open311Requests,
};

/** A response schema as JSON Schema, for the OpenAPI document. */
export const open311JsonSchema = (key: string): Record<string, unknown> => {
  const schema = OPEN311_RESPONSES[key];
  if (!schema) return {};
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};
