import { sql } from 'drizzle-orm';

/**
 * The columns of a GeoReport service request (`domain/georeport.ts`'s source) from `reports r` joined
 * with `categories c` and `units u` (see `GEOREPORT_JOINS`): one definition for the Open311 API and
 * the leaders' CSV export. `statusNote` is the latest public note written by staff (a reply, a
 * rejection reason; a resident's own words are not the city's status note); `photoId` the report's
 * first photo (the resident's come first), none once the report is rejected.
 */
export const GEOREPORT_COLUMNS_SQL = sql`r.id, r.tracking_code as trackingCode, r.status, r.category_code as categoryCode,
  c.name_vi as categoryName, c.public_location as publicLocation, r.description, u.name_vi as unitName,
  r.created_at as createdAt, r.updated_at as updatedAt, r.due_at as dueAt, r.address, r.lat, r.lng,
  (select e.public_note from report_events e
    where e.report_id = r.id and e.public_note is not null and e.public_note <> '' and e.actor_role <> 'resident'
    order by e.id desc limit 1) as statusNote,
  case when r.status = 'rejected' then null else
    (select p.id from photos p where p.report_id = r.id
      order by p.event_id is null, p.event_id, p.rowid limit 1) end as photoId`;

/** The joins `GEOREPORT_COLUMNS_SQL` reads. */
export const GEOREPORT_JOINS = sql`left join categories c on c.code = r.category_code
  left join units u on u.id = r.unit_id`;
