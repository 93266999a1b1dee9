import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  AreaImportOptions,
  AreaPreviewOptions,
  type AdminArea,
  type AreaImportPreview,
  type AreaImportProblem,
  type AreaImportResult,
} from '../../../shared/schemas/admin';
import { inTransaction, type Db } from '../../db/client';
import { parseInput } from '../../domain/app-error';
import type { Clock } from '../../domain/clock';
import { bboxOf } from '../../domain/geo-index';
import type { AuditActor, AuditService } from '../audit/audit.service';
import type { CatalogService } from '../catalog/catalog.service';
import {
  checkFeaturesAsync,
  checkFeaturesSync,
  propertyNames,
  suggestProperties,
  type CheckedCollection,
  type CheckedFeature,
  type PropertyChoice,
} from './area-features';
import { countVertices, presentAdminArea } from './areas.presenter';
import { AreasRepository, type AreaPeriod } from './areas.repository';
import { featuresOf, parseGeoJsonBytes } from './geojson-file';
import { MAX_LISTED_PROBLEMS, normaliseOptions, parseValidFrom, problemsError } from './import-input';
import { previewCollection } from './preview';

/** Options of an import, as parsed. */
export type AreaImportInput = z.output<typeof AreaImportOptions>;

/** A file as uploaded: its bytes, and the form fields or query parameters that came with it. */
export interface AreaUpload {
  bytes: Buffer;
  fields: Record<string, unknown>;
}

/** Progress of a long import: `stage` with `done` of `total` (features, or areas written). */
export type ImportProgress = (stage: 'validating' | 'writing', done: number, total: number) => void;

const iso = (t: number) => new Date(t).toISOString();

/** What an import would change at `validFrom`. */
interface ImportPlan {
  supersede: AreaPeriod[];
  retire: AreaPeriod[];
  replaces: string[];
  adds: string[];
  retires: string[];
  problems: AreaImportProblem[];
}

/**
 * Imports ward/commune boundaries from GeoJSON. The whole file is checked before anything is written;
 * an import then supersedes, at its `validFrom`, the boundaries of the same codes (and with
 * `retireMissing` those of codes missing from the file), in one transaction with its audit entry.
 * Reports keep the area they were filed in; the catalog routes new reports by the new boundaries from
 * `validFrom` on.
 */
export class AreasService {
  private readonly verticesById = new Map<number, number>();

  constructor(
    private readonly db: Db,
    private readonly repo: AreasRepository,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Every boundary, current, scheduled and past, by code and newest first (no geometry). */
  list(): { items: AdminArea[] } {
    const now = this.clock.now();
    return {
      items: this.repo.list().map((row) => {
        let vertices = this.verticesById.get(row.id);
        if (vertices === undefined) {
          vertices = countVertices(this.repo.geometryOf(row.id) ?? '');
          this.verticesById.set(row.id, vertices);
        }
        return presentAdminArea(row, vertices, now);
      }),
    };
  }

  /**
   * What importing an uploaded file would do, without writing: features, properties with examples,
   * suggested code/name properties, problems per feature, codes replaced/added/missing, and a light
   * copy of the shapes for a map. A file that is not a GeoJSON FeatureCollection is refused (415/422).
   */
  async preview(upload: AreaUpload): Promise<AreaImportPreview> {
    const { collection, options: raw } = this.read(upload);
    const options = parseInput(AreaPreviewOptions, normaliseOptions(raw), 'preview options');
    const validFrom = parseValidFrom(options.validFrom, this.clock.now());
    const features = featuresOf(collection);
    // The suggested properties stand in for those not chosen (yet).
    const suggested = suggestProperties(propertyNames(features));
    const choice: PropertyChoice = {
      codeProperty: options.codeProperty ?? suggested.code ?? undefined,
      nameProperty: options.nameProperty ?? suggested.name ?? undefined,
      nameEnProperty: options.nameEnProperty ?? suggested.nameEn ?? undefined,
    };
    const checked = await checkFeaturesAsync(features, choice);
    const plan = this.plan(checked.features, validFrom, options.retireMissing ?? false);
    const problems = [...checked.problems, ...plan.problems];
    const errors = problems.slice(0, MAX_LISTED_PROBLEMS);
    if (problems.length > errors.length)
      errors.push({
        feature: null,
        path: 'features',
        message: `… and ${problems.length - errors.length} more problem(s)`,
      });
    return {
      features: features.length,
      vertices: checked.features.reduce((n, f) => n + f.vertices, 0),
      properties: checked.properties,
      suggested,
      used: {
        code: choice.codeProperty ?? null,
        name: choice.nameProperty ?? null,
        nameEn: choice.nameEnProperty ?? null,
      },
      errors,
      preview: previewCollection(checked.features, new Set(plan.replaces)),
      replaces: plan.replaces,
      adds: plan.adds,
      retires: plan.retires,
      validFrom: iso(validFrom),
    };
  }

  /** Imports an uploaded file (HTTP): checked while yielding to other requests, then written at once. */
  async importUpload(upload: AreaUpload, actor: AuditActor): Promise<AreaImportResult> {
    const { collection, options: raw, sha256 } = this.read(upload);
    const options = parseInput(AreaImportOptions, normaliseOptions(raw), 'import options');
    const validFrom = parseValidFrom(options.validFrom, this.clock.now());
    const checked = await checkFeaturesAsync(featuresOf(collection), options, { serialise: true });
    return this.write(checked, options, validFrom, actor, { sha256 });
  }

  /**
   * Imports an already parsed FeatureCollection synchronously in one transaction with its audit entry
   * (nestable: a configuration import calls it inside its own). Throws a 422 listing every problem,
   * having written nothing. With `dryRun`, does everything and rolls it back.
   */
  importCollection(
    collection: unknown,
    input: unknown,
    actor: AuditActor,
    meta: { sha256?: string; onProgress?: ImportProgress; dryRun?: boolean } = {},
  ): AreaImportResult {
    const options = parseInput(AreaImportOptions, input, 'import options');
    const validFrom = parseValidFrom(options.validFrom, this.clock.now());
    const features = featuresOf(collection);
    const progress = meta.onProgress;
    const checked = checkFeaturesSync(features, options, {
      serialise: true,
      onProgress: progress && ((done, total) => progress('validating', done, total)),
    });
    progress?.('validating', features.length, features.length);
    const sha256 = meta.sha256 ?? createHash('sha256').update(JSON.stringify(collection)).digest('hex');
    if (!meta.dryRun) return this.write(checked, options, validFrom, actor, { sha256, onProgress: progress });
    let result: AreaImportResult | undefined;
    try {
      inTransaction(this.db, () => {
        result = this.write(checked, options, validFrom, actor, { sha256, onProgress: progress });
        throw ROLLBACK;
      });
    } catch (e) {
      if (e !== ROLLBACK) throw e;
    }
    return result!;
  }

  /** Reads an upload: the file's bytes as GeoJSON, or a JSON body `{ geojson, ...options }`. */
  private read(upload: AreaUpload): { collection: unknown; options: Record<string, unknown>; sha256: string } {
    const json = parseGeoJsonBytes(upload.bytes);
    if (json && typeof json === 'object' && !Array.isArray(json) && !('type' in json) && 'geojson' in json) {
      const { geojson, ...options } = json as Record<string, unknown>;
      const sha256 = createHash('sha256').update(JSON.stringify(geojson)).digest('hex');
      return { collection: geojson, options: { ...upload.fields, ...options }, sha256 };
    }
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    return { collection: json, options: upload.fields, sha256 };
  }

  /** Which boundaries in force at `validFrom` the file supersedes or (missing from it) would retire. */
  private plan(features: CheckedFeature[], validFrom: number, retireMissing: boolean): ImportPlan {
    const codes = new Set(features.map((f) => f.code).filter((c): c is string => c !== null));
    const plan: ImportPlan = { supersede: [], retire: [], replaces: [], adds: [], retires: [], problems: [] };
    const inForce = new Set<string>();
    for (const p of this.repo.periodsNotEndedBy(validFrom)) {
      const inFile = codes.has(p.code);
      if (p.validFrom > validFrom) {
        if (inFile || retireMissing)
          plan.problems.push({
            feature: null,
            code: p.code,
            path: 'validFrom',
            message:
              `the boundaries of "${p.code}" already run from ${iso(p.validFrom)}, after validFrom ${iso(validFrom)}; ` +
              `new boundaries must start on or after the ones they replace`,
          });
        continue;
      }
      inForce.add(p.code);
      if (inFile) plan.supersede.push(p);
      else {
        plan.retires.push(p.code);
        if (retireMissing) plan.retire.push(p);
      }
    }
    for (const code of codes) (inForce.has(code) ? plan.replaces : plan.adds).push(code);
    plan.retires = [...new Set(plan.retires)];
    return plan;
  }

  /** Checks the plan and writes it in one transaction with its audit entry; the catalog follows. */
  private write(
    checked: CheckedCollection,
    options: AreaImportInput,
    validFrom: number,
    actor: AuditActor,
    meta: { sha256: string; onProgress?: ImportProgress },
  ): AreaImportResult {
    if (checked.problems.length > 0) throw problemsError(checked.problems);
    const retireMissing = options.retireMissing ?? false;
    return inTransaction(this.db, () => {
      // Planned inside the transaction: the boundaries in force are read where they are changed.
      const plan = this.plan(checked.features, validFrom, retireMissing);
      if (plan.problems.length > 0) throw problemsError(plan.problems);
      for (const p of [...plan.supersede, ...plan.retire]) this.repo.end(p.id, validFrom);
      const total = checked.features.length;
      checked.features.forEach((f, i) => {
        const geometry = f.geometry!;
        const [minLng, minLat, maxLng, maxLat] = bboxOf(geometry);
        this.repo.insert({
          code: f.code!,
          nameVi: f.nameVi!,
          nameEn: f.nameEn ?? f.nameVi!,
          geometry: f.geometryText ?? JSON.stringify(geometry),
          minLng,
          minLat,
          maxLng,
          maxLat,
          note: options.note?.trim() || null,
          validFrom,
          validTo: null,
        });
        if (i % 100 === 99) meta.onProgress?.('writing', i + 1, total);
      });
      meta.onProgress?.('writing', total, total);
      const summary = (list: AreaPeriod[]) => list.map((p) => ({ code: p.code, validFrom: iso(p.validFrom) }));
      this.audit.record(actor, {
        entity: 'area',
        entityId: null,
        action: 'import',
        before: { superseded: summary(plan.supersede), retired: summary(plan.retire) },
        after: {
          validFrom: iso(validFrom),
          imported: total,
          superseded: plan.supersede.length,
          retired: plan.retire.length,
          codes: checked.features.map((f) => f.code),
          added: plan.adds,
          vertices: checked.features.reduce((n, f) => n + f.vertices, 0),
          sha256: meta.sha256,
          codeProperty: options.codeProperty,
          nameProperty: options.nameProperty,
          nameEnProperty: options.nameEnProperty ?? null,
          note: options.note ?? null,
          retireMissing,
        },
      });
      this.catalog.invalidate();
      return {
        imported: total,
        superseded: plan.supersede.length,
        retired: plan.retire.length,
        validFrom: iso(validFrom),
      };
    });
  }
}

const ROLLBACK = Symbol('dry run');

/** The areas service over a database connection. */
export function createAreasService(db: Db, catalog: CatalogService, audit: AuditService, clock: Clock): AreasService {
  return new AreasService(db, new AreasRepository(db), catalog, audit, clock);
}
