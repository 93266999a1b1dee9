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
import { TotpConfirmInput } from '../schemas/auth';
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
import * as Review from '../schemas/review';
import * as R from './responses';

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
  /** What a JSON success answers (none for 204 and non-JSON answers). */
  response?: z.ZodType;
}

const record = (what: string, input: z.ZodType, patch: z.ZodType, one: z.ZodType, list: z.ZodType, remove = false) => ({
  list: { summary: `List ${what}s`, tag: 'administration' as const, response: list },
  create: {
    summary: `Create a ${what}`,
    tag: 'administration' as const,
    body: input,
    status: 201 as const,
    response: one,
  },
  patch: { summary: `Change a ${what}`, tag: 'administration' as const, body: patch, response: one },
  ...(remove ? { remove: { summary: `Delete a ${what}`, tag: 'administration' as const, status: 204 as const } } : {}),
});
const units = record('unit', UnitInput, UnitPatch, R.AdminUnitResponse, R.AdminLists.units);
const categories = record('category', CategoryInput, CategoryPatch, R.AdminCategoryResponse, R.AdminLists.categories);
const rules = record('routing rule', RuleInput, RulePatch, R.AdminRuleResponse, R.AdminLists.rules, true);
const templates = record(
  'reply template',
  TemplateInput,
  TemplatePatch,
  R.ReplyTemplateResponse,
  R.AdminLists.templates,
  true,
);
const users = record('staff account', UserInput, UserPatch, R.AdminUserResponse, R.AdminLists.users);

/**
 * Every `/api` route described: the OpenAPI document at `/api/docs` is built from this table, the
 * zod schemas the handlers validate with, and the access table. A test holds its keys equal to the
 * access table's (and so to the registered routes).
 */
export const API_ROUTES: Readonly<Record<string, RouteDoc>> = {
  'GET /api/health': { summary: 'Liveness: answers while the server runs', tag: 'public', response: R.HealthResponse },
  'GET /api/docs': { summary: 'This OpenAPI document', tag: 'public', response: R.OpenApiResponse },
  'GET /api/categories': {
    summary: 'Active categories with their extra questions and deadlines',
    tag: 'public',
    response: R.CategoryList,
  },
  'GET /api/areas': { summary: 'Wards and communes (codes and names)', tag: 'public', response: R.AreaList },
  'GET /api/units': { summary: 'Units reports are routed to', tag: 'staff', response: R.UnitList },
  'POST /api/auth/login': {
    summary: 'Sign in (sets the session cookie)',
    tag: 'staff',
    body: LoginInput,
    response: R.SessionUserResponse,
  },
  'POST /api/auth/logout': { summary: 'Sign out', tag: 'staff', status: 204 },
  'GET /api/auth/me': { summary: 'The signed-in staff member', tag: 'staff', response: R.SessionUserResponse },
  'POST /api/auth/totp/setup': {
    summary: 'Start setting up two-step verification: a new TOTP secret and its QR code, shown once',
    tag: 'staff',
    response: R.TotpSetupResponse,
  },
  'POST /api/auth/totp/confirm': {
    summary: 'Turn two-step verification on with a code from the app (a restricted session becomes a full one)',
    tag: 'staff',
    body: TotpConfirmInput,
    response: R.SessionUserResponse,
  },
  'POST /api/reports': {
    summary: 'File a report (an Idempotency-Key header makes retries return the same report)',
    tag: 'residents',
    body: CreateReportInput,
    multipart: { files: 'photos', maxFiles: 3 },
    status: 201,
    response: R.CreateReportResponse,
  },
  'GET /api/reports/nearby': {
    summary: 'Open reports near a point (possible duplicates)',
    tag: 'residents',
    query: NearbyQuery,
    response: R.NearbyResponse,
  },
  'GET /api/track/:code': {
    summary: 'A report as the public sees it, by tracking code',
    tag: 'residents',
    response: R.PublicReportResponse,
  },
  'POST /api/track/:code/follow': {
    summary: 'Report the same problem: follow a report',
    tag: 'residents',
    response: R.FollowResponse,
  },
  'POST /api/track/:code/comments': {
    summary: 'Add a comment (X-Resident-Token)',
    tag: 'residents',
    body: ResidentCommentInput,
    multipart: { files: 'photos', maxFiles: 3 },
    response: R.PublicReportResponse,
  },
  'POST /api/track/:code/rating': {
    summary: 'Rate the result (X-Resident-Token)',
    tag: 'residents',
    body: RatingInput,
    response: R.PublicReportResponse,
  },
  'POST /api/track/:code/actions': {
    summary: 'Reopen a resolved report (X-Resident-Token)',
    tag: 'residents',
    body: ResidentActionInput,
    response: R.PublicReportResponse,
  },
  'GET /api/map': {
    summary: 'The public map: clusters and reports in a box',
    tag: 'residents',
    query: PublicMapQuery,
    response: R.PublicMapResponse,
  },
  'GET /api/photos/:id': { summary: 'A photo (JPEG, no metadata)', tag: 'residents', produces: 'image/jpeg' },
  'GET /api/photos/:id/thumb': { summary: "A photo's thumbnail", tag: 'residents', produces: 'image/jpeg' },
  'GET /api/reports': {
    summary: 'Reports the caller may see, filtered and paged',
    tag: 'staff',
    query: ListReportsQuery,
    response: R.ReportListResponse,
  },
  'GET /api/reports/:id': {
    summary: 'One report with its timeline (staff view)',
    tag: 'staff',
    response: R.StaffReportDetailResponse,
  },
  'POST /api/reports/:id/transitions': {
    summary: 'Move a report through its lifecycle (dispatch, start, resolve ...)',
    tag: 'staff',
    body: TransitionInput,
    multipart: { files: 'photos', maxFiles: 3 },
    response: R.StaffReportResponse,
  },
  'POST /api/reports/:id/location': {
    summary: 'Place a report filed by address',
    tag: 'staff',
    body: SetLocationInput,
    response: R.StaffReportResponse,
  },
  'POST /api/reports/:id/priority': {
    summary: "Set a report's priority",
    tag: 'staff',
    body: SetPriorityInput,
    response: R.StaffReportResponse,
  },
  'POST /api/reports/:id/notes': {
    summary: 'Add an internal note',
    tag: 'staff',
    body: InternalNoteInput,
    response: R.StaffReportResponse,
  },
  'POST /api/reports/:id/correction': {
    summary: "Correct a report's category or text",
    tag: 'staff',
    body: CorrectionInput,
    response: R.StaffReportResponse,
  },
  'GET /api/templates': {
    summary: 'Reply templates for a category and action',
    tag: 'staff',
    query: TemplatesQuery,
    response: R.AdminLists.templates,
  },
  'GET /api/review': {
    summary: 'Reports held for review (honeypot filled or sender blocked), newest first',
    tag: 'staff',
    response: Review.HeldReportList,
  },
  'POST /api/review/:id/release': {
    summary: "File a held report under its tracking code (routed by today's rules)",
    tag: 'staff',
    status: 201,
    response: Review.ReleasedReport,
  },
  'POST /api/review/:id/discard': {
    summary: 'Discard a held report (its photos are deleted)',
    tag: 'staff',
    status: 204,
  },
  'POST /api/review/:id/block-sender': {
    summary: 'Block the sender of a held report',
    tag: 'staff',
    body: Review.BlockSenderInput,
    response: Review.BlockedSenderList,
  },
  'POST /api/reports/:id/block-sender': {
    summary: 'Block the sender of a report: their next reports are held for review',
    tag: 'staff',
    body: Review.BlockSenderInput,
    response: Review.BlockedSenderList,
  },
  'GET /api/blocked-senders': { summary: 'Blocks in force', tag: 'staff', response: Review.BlockedSenderList },
  'DELETE /api/blocked-senders/:id': { summary: 'Lift a block', tag: 'staff', status: 204 },
  'GET /api/ioc/map': {
    summary: 'The IOC wall map: open reports in a box',
    tag: 'staff',
    query: StaffMapQuery,
    response: R.StaffMapResponse,
  },
  'GET /api/ioc/summary': { summary: 'Counters of the IOC wall', tag: 'staff', response: R.IocSummaryResponse },
  'GET /api/stats/summary': {
    summary: 'First figures over a range',
    tag: 'statistics',
    query: StatsQuery,
    response: R.StatsSummaryResponse,
  },
  'GET /api/stats/overview': {
    summary: "The leaders' figures against the previous period, trends, breakdowns, ranking",
    tag: 'statistics',
    query: StatsOverviewQuery,
    response: R.StatsOverviewResponse,
  },
  'GET /api/stats/reports': {
    summary: 'The reports behind a figure',
    tag: 'statistics',
    query: StatsReportsQuery,
    response: R.StatsReportPageResponse,
  },
  'GET /api/stats/heatmap': {
    summary: 'Reports received on a grid',
    tag: 'statistics',
    query: StatsPeriodQuery,
    response: R.StatsHeatmapResponse,
  },
  'GET /api/stats/export.csv': {
    summary: "The period's reports as CSV in GeoReport v2 columns (no personal data)",
    tag: 'statistics',
    query: StatsPeriodQuery,
    produces: 'text/csv',
  },
  'GET /api/admin/calendar': { summary: 'The working calendar', tag: 'administration', response: R.CalendarResponse },
  'PUT /api/admin/calendar': {
    summary: 'Change the working calendar',
    tag: 'administration',
    body: CalendarSettings,
    response: R.CalendarResponse,
  },
  'GET /api/admin/areas': {
    summary: 'Boundaries, current and dated',
    tag: 'administration',
    response: R.AdminAreaList,
  },
  'POST /api/admin/areas/preview': {
    summary: 'Check a GeoJSON boundary file and show what an import would do',
    tag: 'administration',
    upload: 'application/geo+json',
    response: R.AreaPreviewResponse,
  },
  'POST /api/admin/areas/import': {
    summary: 'Import boundaries from a GeoJSON file',
    tag: 'administration',
    upload: 'application/geo+json',
    status: 201,
    response: R.AreaImportResponse,
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
    response: R.RuleTestResponse,
  },
  'GET /api/admin/templates': templates.list,
  'POST /api/admin/templates': templates.create,
  'PATCH /api/admin/templates/:id': templates.patch,
  'DELETE /api/admin/templates/:id': templates.remove!,
  'GET /api/admin/users': users.list,
  'POST /api/admin/users': users.create,
  'PATCH /api/admin/users/:id': users.patch,
  'DELETE /api/admin/users/:id/totp': {
    summary: "Reset a staff member's two-step verification (ends their sessions; an admin must enrol again)",
    tag: 'administration',
    response: R.AdminUserResponse,
  },
  'GET /api/admin/api-keys': {
    summary: 'API keys (never the keys themselves)',
    tag: 'administration',
    response: R.AdminLists.apiKeys,
  },
  'POST /api/admin/api-keys': {
    summary: 'Issue an API key (shown once)',
    tag: 'administration',
    body: ApiKeyInput,
    status: 201,
    response: R.ApiKeyCreatedResponse,
  },
  'DELETE /api/admin/api-keys/:id': { summary: 'Revoke an API key', tag: 'administration', response: R.ApiKeyResponse },
  'GET /api/admin/audit': {
    summary: 'The audit log of administrative changes',
    tag: 'administration',
    query: AuditQuery,
    response: R.AuditListResponse,
  },
  'GET /api/admin/config': {
    summary: "Export the city's configuration",
    tag: 'administration',
    response: R.ConfigFileResponse,
  },
  'POST /api/admin/config': {
    summary: 'Import a configuration file (all or nothing)',
    tag: 'administration',
    body: ConfigFile,
    response: R.ConfigImportResponse,
  },
};
