import { DEFAULT_DAYS, DEFAULT_RADIUS_M, MAX_RADIUS_M, MAX_REQUESTS } from './open311.params';
import { open311JsonSchema } from './open311.responses';
import { OPEN311_BASE } from './open311.routes';

const FORMAT = {
  name: 'format',
  in: 'path',
  required: true,
  description: 'The response format (the file extension)',
  schema: { type: 'string', enum: ['xml', 'json'] },
};
const ERRORS = (statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: status === 404 ? 'Unknown resource' : status === 403 ? 'Bad or missing api_key' : 'Bad request',
        content: {
          'application/json': {
            schema: {
              type: 'array',
              items: {
                type: 'object',
                properties: { code: { type: 'integer' }, description: { type: 'string' } },
              },
            },
          },
          'text/xml': {
            schema: { type: 'string', description: '<errors><error><code/><description/></error></errors>' },
          },
        },
      },
    ]),
  );
const OK = (description: string, key: string, status = 200) => ({
  [String(status)]: {
    description,
    content: { 'application/json': { schema: open311JsonSchema(key) }, 'text/xml': { schema: { type: 'string' } } },
  },
});
const query = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const op = (summary: string, extra: Record<string, unknown>) => ({ tags: ['open311'], summary, ...extra });

/** Open311 GeoReport v2 in the OpenAPI document (the routes answer XML or JSON by extension). */
export const OPEN311_OPENAPI_PATHS: Record<string, unknown> = {
  [`${OPEN311_BASE}/discovery.{format}`]: {
    get: op('Endpoints, formats and contact', {
      parameters: [FORMAT],
      responses: { ...OK('Discovery', 'GET /open311/v2/discovery.:format'), ...ERRORS([404]) },
    }),
  },
  [`${OPEN311_BASE}/services.{format}`]: {
    get: op('Services (categories)', {
      parameters: [FORMAT],
      responses: { ...OK('Service list', 'GET /open311/v2/services.:format'), ...ERRORS([404]) },
    }),
  },
  [`${OPEN311_BASE}/services/{service_code}.{format}`]: {
    get: op("A service's definition: its attributes (extra questions)", {
      parameters: [{ name: 'service_code', in: 'path', required: true, schema: { type: 'string' } }, FORMAT],
      responses: {
        ...OK('Service definition', 'GET /open311/v2/services/:service_code.:format'),
        ...ERRORS([400, 404]),
      },
    }),
  },
  [`${OPEN311_BASE}/requests.{format}`]: {
    get: op(`Requests: by default the last ${DEFAULT_DAYS} days, at most ${MAX_REQUESTS}; never personal fields`, {
      parameters: [
        FORMAT,
        query('service_request_id', 'Comma list of ids; overrides every other filter'),
        query('service_code', 'Comma list of service codes'),
        query('start_date', 'ISO 8601 with a time zone'),
        query('end_date', 'ISO 8601 with a time zone'),
        query('status', 'open or closed (comma list)'),
        query('updated_after', 'ISO 8601 with a time zone'),
        query('updated_before', 'ISO 8601 with a time zone'),
        query('lat', 'With long: a circle of `radius` metres', { type: 'number' }),
        query('long', 'With lat', { type: 'number' }),
        query('radius', `Metres (default ${DEFAULT_RADIUS_M}, at most ${MAX_RADIUS_M})`, { type: 'number' }),
        query('bbox', 'min_long,min_lat,max_long,max_lat'),
        query('page', 'From 1', { type: 'integer', minimum: 1 }),
        query('page_size', `At most ${MAX_REQUESTS}`, { type: 'integer', minimum: 1, maximum: MAX_REQUESTS }),
        query('extensions', 'true: notes history and extended attributes', { type: 'string', enum: ['true', 'false'] }),
      ],
      responses: { ...OK('Requests', 'GET /open311/v2/requests.:format'), ...ERRORS([400, 404]) },
    }),
    post: op('File a request (goes through the same service as the web form; channel open311)', {
      parameters: [FORMAT],
      requestBody: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              required: ['api_key', 'service_code'],
              properties: Object.fromEntries(
                [
                  'api_key',
                  'service_code',
                  'lat',
                  'long',
                  'address_string',
                  'area_code',
                  'description',
                  'media_url',
                  'email',
                  'first_name',
                  'last_name',
                  'phone',
                  'device_id',
                  'account_id',
                ].map((name) => [name, { type: 'string' }]),
              ),
              description: 'Plus attribute[CODE] (and attribute[CODE][] for multiple values) per service attribute.',
            },
          },
        },
      },
      responses: {
        ...OK('The new request id and service notice', 'POST /open311/v2/requests.:format', 201),
        ...ERRORS([400, 403, 404]),
      },
    }),
  },
  [`${OPEN311_BASE}/requests/{service_request_id}.{format}`]: {
    get: op('One request', {
      parameters: [{ name: 'service_request_id', in: 'path', required: true, schema: { type: 'string' } }, FORMAT],
      responses: {
        ...OK('The request', 'GET /open311/v2/requests/:service_request_id.:format'),
        ...ERRORS([400, 404]),
      },
    }),
  },
  [`${OPEN311_BASE}/tokens/{token}.{format}`]: {
    get: op('A token from a deferred POST (every service here is realtime: POST returns the id, so always 404)', {
      parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }, FORMAT],
      responses: ERRORS([404]),
    }),
  },
};
