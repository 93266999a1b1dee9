/** Grey blocks where the figures will be, shown at once on the first load (announced as loading). */
export function StatsSkeleton({ label }: { label: string }) {
  return (
    <div className="stats-skeleton" role="status" aria-live="polite" aria-busy="true" data-testid="stats-skeleton">
      <span className="sr-only">{label}</span>
      <div className="kpi-grid" aria-hidden="true">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="kpi-card skeleton-card">
            <span className="skeleton-line short" />
            <span className="skeleton-line big" />
            <span className="skeleton-line" />
          </div>
        ))}
      </div>
      <div className="card skeleton-block" aria-hidden="true" />
    </div>
  );
}
