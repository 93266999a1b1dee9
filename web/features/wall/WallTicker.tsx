import { useI18n } from '../../i18n';
import type { TickerItem } from './ticker';
import { isAlertPriority } from './wallLook';

const timeFormat = (lang: string) =>
  new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** The newest reports, newest first: time, code, category, ward. */
export function WallTicker({ items }: { items: readonly TickerItem[] }) {
  const { t, name, lang } = useI18n();
  const fmt = timeFormat(lang);
  return (
    <section className="wall-ticker" aria-labelledby="wall-ticker-title">
      <h2 id="wall-ticker-title">{t('wall.ticker')}</h2>
      {items.length === 0 ? (
        <p className="wall-ticker-empty">{t('wall.ticker.empty')}</p>
      ) : (
        <ol aria-live="polite">
          {items.map((i) => (
            <li
              key={i.id}
              className={`wall-ticker-item${isAlertPriority(i.priority) ? ' alert' : ''}`}
              data-testid="ticker-item"
              data-tracking-code={i.trackingCode}
            >
              <time dateTime={i.createdAt}>{fmt.format(new Date(i.createdAt))}</time>
              <code>{i.trackingCode}</code>
              <span className="wall-ticker-category">
                {name(i.category)}
                {isAlertPriority(i.priority) && (
                  <span className={`priority priority-${i.priority}`}>{t(`priority.${i.priority}`)}</span>
                )}
              </span>
              <span className="wall-ticker-area">{i.area ?? t('track.outsideArea')}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
