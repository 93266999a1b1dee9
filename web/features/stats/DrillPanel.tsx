import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { statsApi } from '../../api/endpoints';
import { useAreas, useCategories, useUnits } from '../../api/reference';
import { useAsync } from '../../api/useAsync';
import { formatDateTime, isMessageKey, useI18n } from '../../i18n';
import { ErrorNotice, Loading } from '../../ui/Feedback';
import { StatusBadge } from '../../ui/StatusBadge';
import { useStatsMessages } from './messages';
import { formatCount, formatMinutes } from './statsMath';
import { drillFilters, periodParams, type DrillState, type StatsFilters } from './statsQuery';
import { useKept } from './useStatsView';

/** Reports per drill-down page. */
export const DRILL_PAGE_SIZE = 20;

/** The API query of a drill-down: period, the page's filters narrowed by the row, the heat-map cell. */
export function drillQuery(period: { from: string; to: string }, filters: StatsFilters, drill: DrillState) {
  const q = periodParams(period, drillFilters(filters, drill));
  if (drill.bbox) q.set('bbox', drill.bbox);
  return q;
}

/** Words for what the list is narrowed to: "Chiếu sáng đô thị · Phường Tuy Hòa". */
function useDrillContext(drill: DrillState): string[] {
  const { t, name } = useI18n();
  const m = useStatsMessages();
  const units = useUnits();
  const areas = useAreas();
  const categories = useCategories();
  const out: string[] = [];
  if (drill.unitId !== undefined) {
    const u = units.data?.find((x) => x.id === drill.unitId);
    out.push(u ? name(u.name) : `#${drill.unitId}`);
  }
  if (drill.areaCode) out.push(areas.data?.find((a) => a.code === drill.areaCode)?.name ?? drill.areaCode);
  if (drill.categoryCode) {
    const c = categories.data?.find((x) => x.code === drill.categoryCode);
    out.push(c ? name(c.name) : drill.categoryCode);
  }
  if (drill.channel) {
    const key = `channel.${drill.channel}`;
    out.push(isMessageKey(key) ? t(key) : drill.channel);
  }
  if (drill.bbox) out.push(m('drill.cell', { bbox: drill.bbox }));
  return out;
}

/**
 * The reports behind a figure, a page at a time, in a panel beside the figures. It takes the focus
 * when it opens (Escape or the close button shut it and give the focus back to the page).
 */
export function DrillPanel({
  drill,
  period,
  filters,
  onClose,
  onPage,
}: {
  drill: DrillState;
  period: { from: string; to: string };
  filters: StatsFilters;
  onClose: () => void;
  onPage: (page: number) => void;
}) {
  const { lang, name } = useI18n();
  const m = useStatsMessages();
  const categories = useCategories();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = drillQuery(period, filters, drill).toString();
  const key = `${query}|${drill.figure}|${drill.page}`;
  const list = useAsync(`stats-drill:${key}`, (signal) =>
    statsApi.reports(new URLSearchParams(query), drill.figure, drill.page, DRILL_PAGE_SIZE, signal),
  );
  const data = useKept(list.data);
  const context = useDrillContext(drill);
  const title = m(`drill.${drill.figure}`);

  // A new list (another figure or row) takes the focus, so a keyboard user lands in it.
  const focusKey = `${drill.figure}|${query}`;
  useEffect(() => {
    heading.current?.focus();
  }, [focusKey]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const categoryName = (code: string) => {
    const c = categories.data?.find((x) => x.code === code);
    return c ? name(c.name) : code;
  };

  return (
    <aside
      className="drill-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="drill-title"
      data-testid="drill-panel"
      data-figure={drill.figure}
    >
      <div className="drill-head">
        <div>
          <h2 id="drill-title" tabIndex={-1} ref={heading}>
            {title}
          </h2>
          {context.length > 0 && (
            <p className="drill-context" data-testid="drill-context">
              {context.join(' · ')}
            </p>
          )}
          {data && (
            <p className="hint drill-total" data-testid="drill-total" data-total={data.total}>
              {m('drill.total', { n: formatCount(data.total, lang) })}
            </p>
          )}
        </div>
        <button type="button" className="btn btn-secondary btn-small" onClick={onClose} data-testid="drill-close">
          {m('drill.close')}
        </button>
      </div>
      {list.error !== undefined && !data ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <p className="hint" data-testid="drill-empty">
          {m('drill.empty')}
        </p>
      ) : (
        <div className={`drill-body${list.loading ? ' refreshing' : ''}`} aria-busy={list.loading}>
          {list.error !== undefined && <ErrorNotice error={list.error} onRetry={list.reload} />}
          <div className="table-wrap">
            <table className="data-table drill-table">
              <caption className="sr-only">{m('drill.caption', { title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{m('drill.col.code')}</th>
                  <th scope="col">{m('drill.col.category')}</th>
                  <th scope="col">{m('drill.col.area')}</th>
                  <th scope="col">{m('drill.col.unit')}</th>
                  <th scope="col">{m('drill.col.status')}</th>
                  <th scope="col">{m('drill.col.received')}</th>
                  <th scope="col">{m('drill.col.resolved')}</th>
                  <th scope="col" className="num">
                    {m('drill.col.time')}
                  </th>
                  <th scope="col" className="num">
                    {m('drill.col.rating')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((r) => {
                  const late = r.resolvedAt !== null && Date.parse(r.resolvedAt) > Date.parse(r.dueAt);
                  return (
                    <tr key={r.trackingCode} data-testid="drill-row" data-tracking-code={r.trackingCode}>
                      <th scope="row">
                        <Link to={`/track/${r.trackingCode}`} className="mono">
                          {r.trackingCode}
                        </Link>
                      </th>
                      <td>{categoryName(r.categoryCode)}</td>
                      <td>{r.areaName ?? '—'}</td>
                      <td>{r.unitName ?? '—'}</td>
                      <td>
                        <StatusBadge status={r.status} />
                      </td>
                      <td className="nowrap">{formatDateTime(r.createdAt, lang)}</td>
                      <td className="nowrap">
                        {r.resolvedAt ? formatDateTime(r.resolvedAt, lang) : '—'}
                        {late && <span className="tag tag-late">{m('drill.lateTag')}</span>}
                      </td>
                      <td className="num nowrap">{formatMinutes(r.resolveMinutes, lang)}</td>
                      <td className="num">{r.rating === null ? '—' : m('drill.rating', { n: r.rating })}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav className="pager" aria-label={m('drill.caption', { title })}>
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={drill.page <= 1}
                onClick={() => onPage(drill.page - 1)}
                data-testid="drill-prev"
              >
                {m('drill.prev')}
              </button>
              <span data-testid="drill-page" aria-live="polite">
                {m('drill.page', { page: drill.page, pages })}
              </span>
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={drill.page >= pages}
                onClick={() => onPage(drill.page + 1)}
                data-testid="drill-next"
              >
                {m('drill.next')}
              </button>
            </nav>
          )}
        </div>
      )}
    </aside>
  );
}
