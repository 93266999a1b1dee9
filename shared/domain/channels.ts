/** How a report reached the city. */
export const CHANNELS = ['app', 'web', 'hotline', 'walk_in', 'helper', 'open311'] as const;
/** A report's channel. */
export type Channel = (typeof CHANNELS)[number];

/** Report priorities, lowest first. */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
/** A report's priority. */
export type Priority = (typeof PRIORITIES)[number];
