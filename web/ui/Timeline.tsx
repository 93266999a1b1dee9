import type { TimelineEntry } from '../../shared/schemas/reports';
import { formatDateTime, isMessageKey, useI18n } from '../i18n';
import { PhotoGallery } from './PhotoGallery';

/** A timeline entry as staff see it (actor, staff-only note, internal flag); residents get the plain entry. */
export type TimelineItem = TimelineEntry & { actor?: string | null; internal?: boolean; internalNote?: string | null };

/** Entries named after what a person did, even when they also moved the status (rating closes a report). */
const NAMED_EVENTS: readonly string[] = [
  'comment',
  'rated',
  'followed',
  'located',
  'duplicate_merged',
  'overdue',
  'priority_changed',
  'note',
  'corrected',
  'auto_dispatched',
];

/** What happened to a report, newest first, with the public notes (replies, reasons) and photos. */
export function Timeline({ entries }: { entries: readonly TimelineItem[] }) {
  const { t, lang } = useI18n();
  const sorted = [...entries].sort((a, b) => b.eventId - a.eventId);
  const actor = (name: string) => (name === 'resident' || name === 'system' ? t(`actor.${name}`) : name);
  const title = (e: TimelineItem) => {
    const key = `event.${e.type}`;
    if (NAMED_EVENTS.includes(e.type) && isMessageKey(key)) return t(key);
    if (e.toStatus && e.toStatus !== e.fromStatus) return t(`status.${e.toStatus}`);
    return isMessageKey(key) ? t(key) : e.type.replace(/_/g, ' ');
  };
  return (
    <ol className="timeline" data-testid="timeline">
      {sorted.map((e) => {
        // An internal note is the whole entry: staff only, never on the resident's page.
        const internal = e.internal || e.type === 'note';
        return (
          <li
            key={e.eventId}
            className={`timeline-item${e.toStatus ? ` status-${e.toStatus}` : ''}${internal ? ' internal' : ''}`}
            data-type={e.type}
          >
            <span className="timeline-dot" aria-hidden="true" />
            <div className="timeline-body">
              <p className="timeline-title">
                <strong>{title(e)}</strong>
                {e.unit && <span className="timeline-unit"> · {e.unit.name}</span>}
                {internal && <span className="tag tag-muted">{t('detail.internal')}</span>}
              </p>
              <p className="timeline-meta">
                <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
                {e.actor && <span> · {t('detail.actor', { name: actor(e.actor) })}</span>}
              </p>
              {e.note && <p className="timeline-note">{e.note}</p>}
              {e.internalNote && (
                <p className="timeline-note timeline-internal-note" data-testid="timeline-internal-note">
                  <span className="sr-only">{t('detail.internal')}: </span>
                  {e.internalNote}
                </p>
              )}
              {e.photos?.length > 0 && (
                <PhotoGallery
                  photos={e.photos}
                  small
                  testId="timeline-photos"
                  describe={(n, total) => t('photo.entry', { n, total, at: formatDateTime(e.at, lang) })}
                />
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
