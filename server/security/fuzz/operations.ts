// The operations of the OpenAPI document (`GET /api/docs`) as the fuzzer uses them.

/** A JSON Schema, as the document gives it. */
export type Schema = Record<string, unknown>;

/** A parameter of an operation. */
export interface Param {
  name: string;
  required: boolean;
  schema: Schema;
}

/** One operation: a method on a path, with what it takes and who may call it. */
export interface Operation {
  /** `POST /api/reports/:id/transitions` (the key of `API_ROUTES` and the access table), or the Open311 path. */
  key: string;
  method: string;
  /** The document's path template, e.g. `/api/reports/{id}`. */
  template: string;
  pathParams: Param[];
  queryParams: Param[];
  /** Request bodies by content type (`application/json`, `multipart/form-data`, a form, an upload). */
  bodies: Record<string, Schema>;
  /** `public`, or the staff roles that may call it. */
  roles: 'public' | string[];
  /** The documented success status and its content type (none for 204). */
  success: { status: number; contentType: string | null };
  open311: boolean;
}

type DocOperation = {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
  'x-roles'?: 'public' | string[];
};

/** Every operation of the document, in the document's order. */
export function operationsOf(doc: { paths: Record<string, Record<string, DocOperation>> }): Operation[] {
  const out: Operation[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (where: string) =>
        (op.parameters ?? [])
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, required: p.required ?? false, schema: p.schema ?? {} }));
      const okStatus = Object.keys(op.responses).find((s) => s.startsWith('2'));
      const content = okStatus ? op.responses[okStatus]!.content : undefined;
      out.push({
        key: `${method.toUpperCase()} ${template.replace(/\{(\w+)\}/g, ':$1')}`,
        method: method.toUpperCase(),
        template,
        pathParams: params('path'),
        queryParams: params('query'),
        bodies: Object.fromEntries(Object.entries(op.requestBody?.content ?? {}).map(([t, c]) => [t, c.schema])),
        roles: op['x-roles'] ?? 'public',
        success: {
          status: Number(okStatus ?? 200),
          contentType: content ? Object.keys(content)[0]! : null,
        },
        open311: template.startsWith('/open311/'),
      });
    }
  }
  return out;
}
