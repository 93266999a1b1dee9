import { CreateReportInput } from '../../../shared/schemas/reports';
import { AppError, fieldErrorsOf } from '../../domain/app-error';
import type { Clock } from '../../domain/clock';
import type { ApiKeysService } from '../admin/api-keys.service';
import type { CatalogService } from '../catalog/catalog.service';
import type { ReportsService } from '../reports/reports.service';
import { badRequest, numberParam, param, requestFilters, wantsExtensions, type RawParams } from './open311.params';
import {
  presentDefinition,
  presentRequest,
  presentService,
  type Open311RequestDto,
  type Open311ServiceDto,
} from './open311.presenter';
import type { Open311Note, Open311Repository, Open311Row, RequestFilters } from './open311.repository';

/** The date of this API's last change (discovery's `changeset`). */
export const OPEN311_CHANGESET = '2026-12-03T00:00:00Z';
export const OPEN311_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** What `POST requests` answers (the specification's fields). */
export interface Open311Created {
  service_request_id: string;
  service_notice: string;
  account_id: null;
}

// Our report fields -> the Open311 parameters a client sent, for error descriptions.
const PARAM_OF: Record<string, string> = {
  categoryCode: 'service_code',
  lat: 'lat',
  lng: 'long',
  areaCode: 'area_code',
  address: 'address_string',
  description: 'description',
  'contact.name': 'first_name / last_name',
  'contact.phone': 'phone',
  'contact.email': 'email',
};
const paramOf = (path: string) =>
  PARAM_OF[path] ?? (path.startsWith('attributes.') ? `attribute[${path.slice('attributes.'.length)}]` : path);

/** Answers 400 for every failure of a report Open311 filed, one error per field in the client's names. */
function asOpen311Error(e: unknown): unknown {
  if (!(e instanceof AppError) || e.status >= 500) return e;
  const errors = e.fieldErrors?.length ? e.fieldErrors : [{ path: '', message: e.detail ?? e.message }];
  return badRequest(...errors.map((f) => (f.path ? `${paramOf(f.path)} ${f.message}.` : f.message)));
}

/** Reads `attribute[CODE]` and `attribute[CODE][]` (several values for a multivaluelist); empty values are absent. */
function attributesOf(form: RawParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, raw] of Object.entries(form)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(name);
    if (!m || raw === undefined) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter(Boolean);
    if (values.length === 0) continue;
    const prev = out[m[1]!];
    const all = [...(prev === undefined ? [] : Array.isArray(prev) ? prev : [prev]), ...values];
    out[m[1]!] = m[2] || all.length > 1 ? all : all[0]!;
  }
  return out;
}

const norm = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi');
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The one ward whose name (Vietnamese or English, as a whole phrase, diacritics as written) an
 * address names, or undefined when it names none or several (names repeat across districts, so an
 * ambiguous address is not guessed).
 */
export function wardNamedIn(address: string, areas: readonly { code: string; nameVi: string; nameEn: string }[]) {
  const text = norm(address);
  const codes = new Set<string>();
  for (const a of areas)
    for (const name of [a.nameVi, a.nameEn]) {
      const n = norm(name).trim();
      if (n && text.includes(n) && new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(n)}(?![\\p{L}\\p{N}])`, 'u').test(text))
        codes.add(a.code);
    }
  return codes.size === 1 ? [...codes][0] : undefined;
}

/**
 * Open311 GeoReport v2 over the city's categories and reports: public reads under the public view's
 * rules, and filing through the same `ReportsService.create` as the web form (channel `open311`).
 */
/** The sender of a GeoReport request: the client's device id, scoped by the client. */
function deviceOf(client: string, deviceId: string | undefined) {
  return deviceId ? { deviceId: `${client}/${deviceId.slice(0, 200)}` } : undefined;
}

export class Open311Service {
  constructor(
    private readonly repo: Open311Repository,
    private readonly catalog: CatalogService,
    private readonly reports: ReportsService,
    private readonly apiKeys: ApiKeysService,
    private readonly clock: Clock,
  ) {}

  /** `discovery`: where the API is and what it speaks. */
  discovery(baseUrl: string) {
    return {
      changeset: OPEN311_CHANGESET,
      contact: 'Trung tâm Điều hành đô thị thông minh (IOC)',
      key_service: 'API keys are issued by the city administrators (Admin > API keys).',
      endpoints: [
        {
          specification: OPEN311_SPECIFICATION,
          url: `${baseUrl}/open311/v2`,
          changeset: OPEN311_CHANGESET,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    };
  }

  /** `services`: the categories residents can file in now. */
  services(): Open311ServiceDto[] {
    return this.catalog.current().categories.map(presentService);
  }

  /** `services/{code}`: a category's questions as attributes; 404 for an unknown or retired one. */
  definition(code: string) {
    const category = this.catalog.current().categoryByCode.get(code);
    if (!category || !category.active) throw new AppError('not_found', `No service has the code ${code}.`);
    return presentDefinition(category);
  }

  /** `GET requests`: see `requestFilters` for the parameters. */
  requests(query: RawParams, baseUrl: string): Open311RequestDto[] {
    const extensions = wantsExtensions(query);
    return this.present(this.repo.requests(requestFilters(query, this.clock.now())), baseUrl, extensions);
  }

  /** `GET requests/{id}`: one request (in a list, as the specification answers); 404 when unknown. */
  request(id: string, query: RawParams, baseUrl: string): Open311RequestDto[] {
    const extensions = wantsExtensions(query);
    const filters: RequestFilters = { ids: [id], limit: 1, offset: 0 };
    const rows = this.repo.requests(filters);
    if (rows.length === 0) throw new AppError('not_found', `No service request has the id ${id}.`);
    return this.present(rows, baseUrl, extensions);
  }

  private present(rows: Open311Row[], baseUrl: string, extensions: boolean): Open311RequestDto[] {
    if (!extensions) return rows.map((r) => presentRequest(r, baseUrl));
    const ids = rows.map((r) => r.id);
    const notes = new Map<number, Open311Note[]>();
    for (const n of this.repo.notesOf(ids)) notes.set(n.reportId, [...(notes.get(n.reportId) ?? []), n]);
    const duplicates = this.repo.duplicatesOf(ids);
    return rows.map((r) =>
      presentRequest(r, baseUrl, { notes: notes.get(r.id) ?? [], duplicates: duplicates.get(r.id) ?? [] }),
    );
  }

  /**
   * `POST requests`: files a report for the client behind `api_key` (403 without a valid one; 404 for
   * an unknown `service_code`, as the specification says; 400 for anything else, one error per
   * problem). The location is `lat` and `long`, or `address_string` with the ward: its `area_code` (an
   * extension), or the one ward the address names (`12 Lê Lợi, Phường Tây`); the IOC then places it on
   * the map, as for the web form's reports by address. An address naming no single ward cannot be
   * routed: 400. Reporter details (`first_name`, `last_name`, `phone`, `email`) become the report's
   * private contact; `device_id` and `account_id` are accepted and not kept (a report has no such
   * fields); `media_url` is checked but not fetched (the server downloads nothing a client points at).
   */
  async create(form: RawParams): Promise<Open311Created> {
    const client = this.apiKeys.authenticate(param(form, 'api_key'));
    if (!client) throw new AppError('forbidden', 'api_key is missing, unknown or revoked.');
    const problems: string[] = [];
    const serviceCode = param(form, 'service_code');
    if (!serviceCode) problems.push('service_code is required.');
    else {
      // The specification's own answer for a service_code that does not exist: 404.
      const category = this.catalog.current().categoryByCode.get(serviceCode);
      if (!category || !category.active) throw new AppError('not_found', `service_code ${serviceCode} was not found.`);
    }
    const coordinate = (name: string, max: number) => {
      try {
        return numberParam(form, name, -max, max);
      } catch (e) {
        problems.push((e as AppError).detail!);
        return null;
      }
    };
    const lat = coordinate('lat', 90);
    const lng = coordinate('long', 180);
    const address = param(form, 'address_string');
    let areaCode: string | undefined;
    if (lat === undefined && lng === undefined) {
      areaCode = param(form, 'area_code') ?? (address && wardNamedIn(address, this.catalog.current().areas));
      if (!address)
        problems.push(
          param(form, 'address_id')
            ? 'address_id is not supported: give lat and long, or address_string with area_code (the ward).'
            : 'A location is required: lat and long, or address_string with area_code (the ward).',
        );
      else if (!areaCode)
        problems.push(
          'area_code (the ward) is required with address_string when there is no lat and long and the address names no single ward.',
        );
    } else if (lat === undefined || lng === undefined) problems.push('lat and long must be given together.');
    const mediaUrl = param(form, 'media_url');
    if (mediaUrl !== undefined && !/^https?:\/\/\S+$/i.test(mediaUrl))
      problems.push('media_url must be an http(s) URL.');
    if (problems.length) throw badRequest(...problems);

    const name = [param(form, 'first_name'), param(form, 'last_name')].filter(Boolean).join(' ');
    const input = {
      categoryCode: serviceCode!,
      lat: lat ?? undefined,
      lng: lng ?? undefined,
      areaCode,
      address,
      description: param(form, 'description') ?? '',
      contact: { name, phone: param(form, 'phone'), email: param(form, 'email') },
      attributes: attributesOf(form),
    };
    const parsed = CreateReportInput.safeParse(input);
    if (!parsed.success)
      throw asOpen311Error(new AppError('validation_failed', undefined, fieldErrorsOf(parsed.error)));
    try {
      const { result } = await this.reports.create(parsed.data, {
        channel: 'open311',
        actor: { role: 'resident' },
        apiClient: client.name,
        // GeoReport's device_id names the phone behind the client (an operator may block it); the
        // client's own address is one server for all its users, so it is not a sender.
        sender: deviceOf(client.name, param(form, 'device_id')),
      });
      return {
        service_request_id: result.trackingCode,
        service_notice: `Đã tiếp nhận; dự kiến xử lý xong trước ${result.dueAt}.`,
        account_id: null,
      };
    } catch (e) {
      throw asOpen311Error(e);
    }
  }
}
