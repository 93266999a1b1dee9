import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/** A point in Leaflet order. */
export type Point = [lat: number, lng: number];

/** The IOC's "place this report on the map" state, shared by the panel's map and the desk's main map. */
export interface Placement {
  /** The report being placed, or null when nobody is placing one. */
  reportId: number | null;
  point: Point | null;
  start: (reportId: number) => void;
  pick: (point: Point) => void;
  stop: () => void;
}

const PlacementContext = createContext<Placement | null>(null);

/** The placement state held by hand (a desk without a main map uses the panel's map alone). */
export function usePlacementState(): Placement {
  const [reportId, setReportId] = useState<number | null>(null);
  const [point, setPoint] = useState<Point | null>(null);
  return useMemo(
    () => ({
      reportId,
      point,
      start: (id: number) => {
        setReportId(id);
        setPoint(null);
      },
      pick: (p: Point) => setPoint(p),
      stop: () => {
        setReportId(null);
        setPoint(null);
      },
    }),
    [reportId, point],
  );
}

/** Lets the desk's main map take the click while a report is being placed. */
export function PlacementProvider({ children }: { children: ReactNode }) {
  const value = usePlacementState();
  return <PlacementContext.Provider value={value}>{children}</PlacementContext.Provider>;
}

/** The desk's shared placement, or null outside a PlacementProvider. */
export function useSharedPlacement(): Placement | null {
  return useContext(PlacementContext);
}
