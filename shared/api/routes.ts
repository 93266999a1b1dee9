import type { z } from 'zod';
import {
  ApiKeyInput,
  AuditQuery,
  CalendarSettings,
  CategoryInput,
  CategoryPatch,
  ConfigFile,
  RuleInput,
  RulePatch,
  RuleTestInput,
  TemplateInput,
  TemplatePatch,
  TemplatesQuery,
  UnitInput,
  UnitPatch,
  UserInput,
  UserPatch,
} from '../schemas/admin';
import { CorrectionInput, InternalNoteInput, SetPriorityInput, StaffMapQuery } from '../schemas/ioc';
import {
  CreateReportInput,
  ListReportsQuery,
  LoginInput,
  NearbyQuery,
  PublicMapQuery,
  RatingInput,
  ResidentActionInput,
  ResidentCommentInput,
  SetLocationInput,
  TransitionInput,
} from '../schemas/reports';
import { StatsOverviewQuery, StatsPeriodQuery, StatsQuery, StatsReportsQuery } from '../schemas/stats';

/** What the API description says of one route (its access is in `domain/access.ts`). */
export interface RouteDoc {
  /** One line: what the route does. */
  summary: string;
  /** The group it is listed under. */
  tag: 'public' | 'residents' | 'staff' | 'statistics' | 'administration';
  query?: z.ZodType;
  /** A JSON body. */
  body?: z.ZodType;
  /** The body may also be multipart/form-data: the same fields (nested ones as `contact.name`) plus files. */
  multipart?: { files: string; maxFiles: number };
  /** A file upload as the raw body (GeoJSON). */
  upload?: string;
  /** What a success returns when it is not JSON. */
  produces?: string;
  /** The success status when it is not 200. */
  status?: 201 | 204;
}

const record = (what: string, input: z.ZodType, patch: z.ZodType, remove = false) => ({
  list: { summary: `List ${what}s`, tag: 'administration' as const },
  create: { summary: `Create a ${what}`, tag: 'administration' as const, body: input, status: 201 as const },
  patch: { summary: `Change a ${what}`, tag: 'administration' as const, body: patch },
  ...(remove ? { remove: { summary: `Delete a ${what}`, tag: 'administration' as const, status: 204 as const } } : {}),
});
const units = record('unit', UnitInput, UnitPatch);
const categories = record('category', CategoryInput, CategoryPatch);
const rules = record('routing rule', RuleInput, RulePatch, true);
const templates = record('reply template', TemplateInput, TemplatePatch, true);
const users = record('staff account', UserInput, UserPatch);

/**
 * Every `/api` route described: the OpenAPI document at `/api/docs` is built from this table, the
 * zod schemas the handlers validate with, and the access table. A test holds its keys equal to the
 * access table's (and so to the registered routes).
 */
export const API_ROUTES: Readonly<Record<string, RouteDoc>> = {
  'GET /api/health': { summary: 'Liveness: answers while the server runs', tag: 'public' },
  'GET /api/docs': { summary: 'This OpenAPI document', tag: 'public' },
  'GET /api/categories': { summary: 'Active categories with their extra questions and deadlines', tag: 'public' },
  'GET /api/areas': { summary: 'Wards and communes (codes and names)', tag: 'public' },
  'GET /api/units': { summary: 'Units reports are routed to', tag: 'staff' },
  'POST /api/auth/login': { summary: 'Sign in (sets the session cookie)', tag: 'staff', body: LoginInput },
  'POST /api/auth/logout': { summary: 'Sign out', tag: 'staff', status: 204 },
  'GET /api/auth/me': { summary: 'The signed-in staff member', tag: 'staff' },
  'POST /api/reports': {
    summary: 'File a report (an Idempotency-Key header makes retries return the same report)',
    tag: 'residents',
    body: CreateReportInput,
    multipart: { files: 'photos', maxFiles: 3 },
    status: 201,
  },
  'GET /api/reports/nearby': {
    summary: 'Open reports near a point (possible duplicates)',
    tag: 'residents',
    query: NearbyQuery,
  },
  'GET /api/track/:code': { summary: 'A report as the public sees it, by tracking code', tag: 'residents' },
  'POST /api/track/:code/follow': { summary: 'Report the same problem: follow a report', tag: 'residents' },
  'POST /api/track/:code/comments': {
    summary: 'Add a comment (X-Resident-Token)',
    tag: 'residents',
    body: ResidentCommentInput,
    multipart: { files: 'photos', maxFiles: 3 },
  },
  'POST /api/track/:code/rating': {
    summary: 'Rate the result (X-Resident-Token)',
    tag: 'residents',
    body: RatingInput,
  },
  'POST /api/track/:code/actions': {
    summary: 'Reopen a resolved report (X-Resident-Token)',
    tag: 'residents',
    body: ResidentActionInput,
  },
  'GET /api/map': { summary: 'The public map: clusters and reports in a box', tag: 'residents', query: PublicMapQuery },
  'GET /api/photos/:id': { summary: 'A photo (JPEG, no metadata)', tag: 'residents', produces: 'image/jpeg' },
  'GET /api/photos/:id/thumb': { summary: "A photo's thumbnail", tag: 'residents', produces: 'image/jpeg' },
  'GET /api/reports': {
    summary: 'Reports the caller may see, filtered and paged',
    tag: 'staff',
    query: ListReportsQuery,
  },
  'GET /api/reports/:id': { summary: 'One report with its timeline (staff view)', tag: 'staff' },
  'POST /api/reports/:id/transitions': {
    summary: 'Move a report through its lifecycle (dispatch, start, resolve ...)',
    tag: 'staff',
    body: TransitionInput,
    multipart: { files: 'photos', maxFiles: 3 },
  },
  'POST /api/reports/:id/location': {
    summary: 'Place a report filed by address',
    tag: 'staff',
    body: SetLocationInput,
  },
  'POST /api/reports/:id/priority': { summary: "Set a report's priority", tag: 'staff', body: SetPriorityInput },
  'POST /api/reports/:id/notes': { summary: 'Add an internal note', tag: 'staff', body: InternalNoteInput },
  'POST /api/reports/:id/correction': {
    summary: "Correct a report's category or text",
    tag: 'staff',
    body: CorrectionInput,
  },
  'GET /api/templates': { summary: 'Reply templates for a category and action', tag: 'staff', query: TemplatesQuery },
  'GET /api/ioc/map': { summary: 'The IOC wall map: open reports in a box', tag: 'staff', query: StaffMapQuery },
  'GET /api/ioc/summary': { summary: 'Counters of the IOC wall', tag: 'staff' },
  'GET /api/stats/summary': { summary: 'First figures over a range', tag: 'statistics', query: StatsQuery },
  'GET /api/stats/overview': {
    summary: "The leaders' figures against the previous period, trends, breakdowns, ranking",
    tag: 'statistics',
    query: StatsOverviewQuery,
  },
  'GET /api/stats/reports': { summary: 'The reports behind a figure', tag: 'statistics', query: StatsReportsQuery },
  'GET /api/stats/heatmap': { summary: 'Reports received on a grid', tag: 'statistics', query: StatsPeriodQuery },
  'GET /api/stats/export.csv': {
    summary: "The period's reports as CSV in GeoReport v2 columns (no personal data)",
    tag: 'statistics',
    query: StatsPeriodQuery,
    produces: 'text/csv',
  },
  'GET /api/admin/calendar': { summary: 'The working calendar', tag: 'administration' },
  'PUT /api/admin/calendar': { summary: 'Change the working calendar', tag: 'administration', body: CalendarSettings },
  'GET /api/admin/areas': { summary: 'Boundaries, current and dated', tag: 'administration' },
  'POST /api/admin/areas/preview': {
    summary: 'Check a GeoJSON boundary file and show what an import would do',
    tag: 'administration',
    upload: 'application/geo+json',
  },
  'POST /api/admin/areas/import': {
    summary: 'Import boundaries from a GeoJSON file',
    tag: 'administration',
    upload: 'application/geo+json',
    status: 201,
  },
  'GET /api/admin/units': units.list,
  'POST /api/admin/units': units.create,
  'PATCH /api/admin/units/:id': units.patch,
  'GET /api/admin/categories': categories.list,
  'POST /api/admin/categories': categories.create,
  'PATCH /api/admin/categories/:code': categories.patch,
  'GET /api/admin/rules': rules.list,
  'POST /api/admin/rules': rules.create,
  'PATCH /api/admin/rules/:id': rules.patch,
  'DELETE /api/admin/rules/:id': rules.remove!,
  'POST /api/admin/rules/test': {
    summary: 'Which unit a point and category route to',
    tag: 'administration',
    body: RuleTestInput,
  },
  'GET /api/admin/templates': templates.list,
  'POST /api/admin/templates': templates.create,
  'PATCH /api/admin/templates/:id': templates.patch,
  'DELETE /api/admin/templates/:id': templates.remove!,
  'GET /api/admin/users': users.list,
  'POST /api/admin/users': users.create,
  'PATCH /api/admin/users/:id': users.patch,
  'GET /api/admin/api-keys': { summary: 'API keys (never the keys themselves)', tag: 'administration' },
  'POST /api/admin/api-keys': {
    summary: 'Issue an API key (shown once)',
    tag: 'administration',
    body: ApiKeyInput,
    status: 201,
  },
  'DELETE /api/admin/api-keys/:id': { summary: 'Revoke an API key', tag: 'administration' },
  'GET /api/admin/audit': {
    summary: 'The audit log of administrative changes',
    tag: 'administration',
    query: AuditQuery,
  },
  'GET /api/admin/config': { summary: "Export the city's configuration", tag: 'administration' },
  'POST /api/admin/config': {
    summary: 'Import a configuration file (all or nothing)',
    tag: 'administration',
    body: ConfigFile,
  },
};
