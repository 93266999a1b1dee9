import type { ReactNode } from 'react';
import type { Compared, StatsFigure, StatsHeadline, StatsOverview } from '../../../shared/schemas/stats';
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
  type Tone,
} from './statsMath';

/** A signed change with its arrow ("▲ +12"), and what it means for a screen reader ("better"). */
export function DeltaMark({
  delta,
  kind,
  tone,
  arrowClassName,
}: {
  delta: number;
  kind: FigureKind;
  tone: Exclude<Tone, 'none'>;
  arrowClassName?: string;
}) {
  const { lang } = useI18n();
  const m = useStatsMessages();
  return (
    <>
      <span className={arrowClassName} aria-hidden="true">
        {changeArrow(delta)}
      </span>{' '}
      {formatDelta(delta, kind, lang)}
      <span className="sr-only"> ({m(`change.${tone}`)})</span>
    </>
  );
}

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
        <span className="kpi-delta">
          <DeltaMark delta={compared.delta} kind={kind} tone={tone} arrowClassName="kpi-arrow" />
        </span>
      ) : (
        <span className="kpi-meaning">{m(meaning)}</span>
      )}
      <span className="kpi-previous">
        {m('change.previous', { value: formatFigure(compared.previous, kind, lang) })}
      </span>
    </p>
  );
}

/** How each headline figure shown here reads: its kind, and which way is better. */
const READS = {
  received: { kind: 'count', goodWhen: 'neutral' },
  resolved: { kind: 'count', goodWhen: 'up' },
  onTimeRate: { kind: 'rate', goodWhen: 'up' },
  medianResolveMinutes: { kind: 'minutes', goodWhen: 'down' },
  p90ResolveMinutes: { kind: 'minutes', goodWhen: 'down' },
  backlog: { kind: 'count', goodWhen: 'down' },
  satisfactionRate: { kind: 'rate', goodWhen: 'up' },
} as const satisfies Partial<Record<keyof StatsHeadline, { kind: FigureKind; goodWhen: GoodWhen }>>;

/** One headline figure (`headline[of]`): a button opening its reports, the change, and a line of detail. */
function Card({
  id,
  label,
  headline,
  of,
  figure,
  onDrill,
  children,
  testId,
  main = false,
}: {
  id: string;
  label: string;
  headline: StatsHeadline;
  of: keyof typeof READS;
  figure: StatsFigure;
  onDrill: (figure: StatsFigure) => void;
  children?: ReactNode;
  testId?: string;
  main?: boolean;
}) {
  const { lang } = useI18n();
  const m = useStatsMessages();
  const { kind, goodWhen } = READS[of];
  const compared = headline[of];
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
          {formatFigure(compared.value, kind, lang)}
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

/** The backlog's age bands as a colour-keyed list ("Under 1 day: 4"). */
export function AgeLegend({
  bands,
  label,
  testId,
}: {
  bands: StatsOverview['backlog']['ageBands'];
  label?: string;
  testId?: string;
}) {
  const { lang } = useI18n();
  const m = useStatsMessages();
  return (
    <ul className="age-legend" aria-label={label} data-testid={testId}>
      {BANDS.map((b) => (
        <li key={b}>
          <span className={`age-dot age-${b}`} aria-hidden="true" />
          {m(`band.${b}`)}: <strong>{formatCount(bands[b], lang)}</strong>
        </li>
      ))}
    </ul>
  );
}

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
      <Card id="received" label={m('fig.received')} headline={h} of="received" figure="received" onDrill={onDrill}>
        <p className="kpi-sub">
          {m('kpi.received.sub', { rejected: n(h.rejected.value), duplicates: n(h.duplicates.value) })}
        </p>
      </Card>
      <Card id="resolved" label={m('fig.resolved')} headline={h} of="resolved" figure="resolved" onDrill={onDrill}>
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
        headline={h}
        of="onTimeRate"
        figure="onTime"
        onDrill={onDrill}
      >
        <p className="kpi-sub">
          {m('kpi.onTime.sub', { onTime: n(h.resolvedOnTime.value), resolved: n(h.resolved.value) })}
        </p>
      </Card>
      <Card
        id="resolve-time"
        label={`${m('fig.resolveTime')} · ${m('kpi.median')}`}
        headline={h}
        of="medianResolveMinutes"
        figure="resolved"
        onDrill={onDrill}
      >
        <div className="kpi-secondary">
          <span className="kpi-sub">
            {m('kpi.p90')} <strong data-testid="kpi-p90-value">{formatMinutes(h.p90ResolveMinutes.value, lang)}</strong>
          </span>
          <Change compared={h.p90ResolveMinutes} {...READS.p90ResolveMinutes} testId="kpi-p90-change" />
        </div>
      </Card>
      <Card id="backlog" label={m('fig.backlog')} headline={h} of="backlog" figure="backlog" onDrill={onDrill}>
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
            <AgeLegend bands={bands} label={m('band.label')} testId="age-bands" />
          </div>
        )}
      </Card>
      <Card
        id="satisfaction"
        label={m('fig.satisfaction')}
        headline={h}
        of="satisfactionRate"
        figure="rated"
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
