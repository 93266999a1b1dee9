import type { ReactNode } from 'react';
import type { Compared, StatsFigure, StatsOverview } from '../../../shared/schemas/stats';
import { formatDateTime, useI18n } from '../../i18n';
import { useStatsMessages, type StatsKey } from './messages';
import {
  changeArrow,
  changeTone,
  formatCount,
  formatDelta,
  formatFigure,
  formatMinutes,
  formatScore,
  type FigureKind,
  type GoodWhen,
} from './statsMath';

/** A figure's change against the previous period: arrow, signed difference, what it means, and the old value. */
export function Change({
  compared,
  kind,
  goodWhen,
  testId,
}: {
  compared: Compared;
  kind: FigureKind;
  goodWhen: GoodWhen;
  testId?: string;
}) {
  const { lang } = useI18n();
  const m = useStatsMessages();
  const tone = changeTone(compared.delta, goodWhen);
  const meaning: StatsKey = compared.delta === null ? 'change.unknown' : `change.${tone === 'none' ? 'none' : tone}`;
  return (
    <p className={`kpi-change tone-${tone}`} data-testid={testId} data-tone={tone}>
      {compared.delta !== null && tone !== 'none' ? (
        <>
          <span className="kpi-delta">
            <span className="kpi-arrow" aria-hidden="true">
              {changeArrow(compared.delta)}
            </span>{' '}
            {formatDelta(compared.delta, kind, lang)}
          </span>
          <span className="sr-only"> ({m(meaning)})</span>
        </>
      ) : (
        <span className="kpi-meaning">{m(meaning)}</span>
      )}
      <span className="kpi-previous">
        {m('change.previous', { value: formatFigure(compared.previous, kind, lang) })}
      </span>
    </p>
  );
}

/** One headline figure: a button opening its reports, the change, and a line of detail. */
function Card({
  id,
  label,
  value,
  figure,
  compared,
  kind,
  goodWhen,
  onDrill,
  children,
  testId,
  main = false,
}: {
  id: string;
  label: string;
  value: string;
  figure: StatsFigure;
  compared: Compared;
  kind: FigureKind;
  goodWhen: GoodWhen;
  onDrill: (figure: StatsFigure) => void;
  children?: ReactNode;
  testId?: string;
  main?: boolean;
}) {
  const m = useStatsMessages();
  return (
    <article
      className={`kpi-card${main ? ' kpi-card-main' : ''}`}
      data-testid={testId ?? `kpi-${id}`}
      data-figure={figure}
    >
      <h2 className="kpi-label" id={`kpi-${id}-label`}>
        {label}
      </h2>
      <button
        type="button"
        className="kpi-open"
        onClick={() => onDrill(figure)}
        aria-describedby={`kpi-${id}-label`}
        title={m('kpi.open')}
        data-testid={`kpi-${id}-open`}
      >
        <span className="kpi-value" data-testid={`kpi-${id}-value`}>
          {value}
        </span>
        <span className="sr-only">{m('kpi.open')}</span>
      </button>
      <Change compared={compared} kind={kind} goodWhen={goodWhen} testId={`kpi-${id}-change`} />
      {children}
    </article>
  );
}

/** A small button under a figure opening a related list ("Late: 12"). */
function SubLink({
  label,
  figure,
  onDrill,
}: {
  label: string;
  figure: StatsFigure;
  onDrill: (f: StatsFigure) => void;
}) {
  return (
    <button type="button" className="link-button kpi-sublink" data-figure={figure} onClick={() => onDrill(figure)}>
      {label}
    </button>
  );
}

const BANDS = ['under1d', 'd1to3', 'd3to7', 'over7d'] as const;

/** The headline figures of the period, each compared with the period before and opening its reports. */
export function HeadlineCards({
  overview,
  onDrill,
  now,
}: {
  overview: StatsOverview;
  onDrill: (figure: StatsFigure) => void;
  /** When the page was opened: a period ending later shows the backlog as of now. */
  now: number;
}) {
  const { lang } = useI18n();
  const m = useStatsMessages();
  const h = overview.headline;
  const n = (x: number | null) => formatCount(x, lang);
  const late = h.resolved.value - h.resolvedOnTime.value;
  const unsatisfied = overview.satisfaction.count - overview.satisfaction.satisfied;
  const bands = overview.backlog.ageBands;
  const bandTotal = BANDS.reduce((s, b) => s + bands[b], 0);
  return (
    <div className="kpi-grid" data-testid="headline">
      <Card
        id="received"
        label={m('fig.received')}
        value={n(h.received.value)}
        figure="received"
        compared={h.received}
        kind="count"
        goodWhen="neutral"
        onDrill={onDrill}
      >
        <p className="kpi-sub">
          {m('kpi.received.sub', { rejected: n(h.rejected.value), duplicates: n(h.duplicates.value) })}
        </p>
      </Card>
      <Card
        id="resolved"
        label={m('fig.resolved')}
        value={n(h.resolved.value)}
        figure="resolved"
        compared={h.resolved}
        kind="count"
        goodWhen="up"
        onDrill={onDrill}
      >
        <p className="kpi-sub">
          {m('kpi.resolved.sub', { onTime: n(h.resolvedOnTime.value) })} ·{' '}
          <SubLink label={m('kpi.late', { n: n(late) })} figure="late" onDrill={onDrill} />
        </p>
      </Card>
      <Card
        id="on-time"
        testId="on-time-rate"
        main
        label={m('fig.onTimeRate')}
        value={formatFigure(h.onTimeRate.value, 'rate', lang)}
        figure="onTime"
        compared={h.onTimeRate}
        kind="rate"
        goodWhen="up"
        onDrill={onDrill}
      >
        <p className="kpi-sub">
          {m('kpi.onTime.sub', { onTime: n(h.resolvedOnTime.value), resolved: n(h.resolved.value) })}
        </p>
      </Card>
      <Card
        id="resolve-time"
        label={`${m('fig.resolveTime')} · ${m('kpi.median')}`}
        value={formatMinutes(h.medianResolveMinutes.value, lang)}
        figure="resolved"
        compared={h.medianResolveMinutes}
        kind="minutes"
        goodWhen="down"
        onDrill={onDrill}
      >
        <div className="kpi-secondary">
          <span className="kpi-sub">
            {m('kpi.p90')} <strong data-testid="kpi-p90-value">{formatMinutes(h.p90ResolveMinutes.value, lang)}</strong>
          </span>
          <Change compared={h.p90ResolveMinutes} kind="minutes" goodWhen="down" testId="kpi-p90-change" />
        </div>
      </Card>
      <Card
        id="backlog"
        label={m('fig.backlog')}
        value={n(h.backlog.value)}
        figure="backlog"
        compared={h.backlog}
        kind="count"
        goodWhen="down"
        onDrill={onDrill}
      >
        <p className="kpi-sub">
          {m('kpi.backlog.sub', { age: formatMinutes(overview.backlog.medianAgeMinutes, lang) })} ·{' '}
          {Date.parse(overview.backlog.at) > now
            ? m('kpi.backlog.current')
            : m('kpi.backlog.now', { at: formatDateTime(overview.backlog.at, lang) })}
        </p>
        {bandTotal > 0 && (
          <div className="age-bands">
            <div className="age-bar" aria-hidden="true">
              {BANDS.map((b) =>
                bands[b] > 0 ? <span key={b} className={`age-seg age-${b}`} style={{ flexGrow: bands[b] }} /> : null,
              )}
            </div>
            <ul className="age-legend" aria-label={m('band.label')} data-testid="age-bands">
              {BANDS.map((b) => (
                <li key={b}>
                  <span className={`age-dot age-${b}`} aria-hidden="true" />
                  {m(`band.${b}`)}: <strong>{n(bands[b])}</strong>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Card>
      <Card
        id="satisfaction"
        label={m('fig.satisfaction')}
        value={formatFigure(h.satisfactionRate.value, 'rate', lang)}
        figure="rated"
        compared={h.satisfactionRate}
        kind="rate"
        goodWhen="up"
        onDrill={onDrill}
      >
        <p className="kpi-sub">
          {overview.satisfaction.count === 0
            ? m('kpi.satisfaction.none')
            : m('kpi.satisfaction.sub', {
                score: formatScore(overview.satisfaction.mean, lang),
                n: n(overview.satisfaction.count),
              })}
          {unsatisfied > 0 && (
            <>
              {' · '}
              <SubLink label={m('kpi.unsatisfied', { n: n(unsatisfied) })} figure="unsatisfied" onDrill={onDrill} />
            </>
          )}
        </p>
      </Card>
    </div>
  );
}
