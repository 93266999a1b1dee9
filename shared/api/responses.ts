// What every JSON success answers, as zod schemas: `shared/api/routes.ts` names one per route, the
// OpenAPI document publishes them, and the fuzz test holds every 2xx body to them. Objects are strict
// (an unlisted field fails), so a field leaking out of a presenter is caught. Where `shared/` has the
// TypeScript type the server returns, the schema is checked against it (`z.ZodType<T>`).
// One file per area: `responses/reports.ts` (public and staff reports, the IOC), `stats.ts`, `admin.ts`.
export * from './responses/admin';
export * from './responses/reports';
export * from './responses/stats';
