/** Emoji for the short icon names categories carry (`lightbulb`, `tree` ...). */
const ICONS: Record<string, string> = {
  lightbulb: '💡',
  light: '💡',
  lamp: '💡',
  streetlight: '💡',
  traffic: '🚦',
  traffic_light: '🚦',
  car: '🚗',
  road: '🛣️',
  pothole: '🕳️',
  construction: '🚧',
  barrier: '🚧',
  tree: '🌳',
  trees: '🌳',
  leaf: '🍃',
  park: '🌳',
  building: '🏢',
  city: '🏙️',
  infrastructure: '🏗️',
  crane: '🏗️',
  wrench: '🔧',
  tools: '🛠️',
  shield: '🛡️',
  police: '👮',
  security: '🛡️',
  users: '👥',
  people: '👥',
  trash: '🗑️',
  garbage: '🗑️',
  waste: '🗑️',
  recycle: '♻️',
  environment: '🌿',
  water: '💧',
  droplet: '💧',
  drain: '🌊',
  flood: '🌊',
  waves: '🌊',
  noise: '🔊',
  volume: '🔊',
  fire: '🔥',
  warning: '⚠️',
  alert: '⚠️',
  parking: '🅿️',
  sidewalk: '🚶',
  walk: '🚶',
  animal: '🐕',
  dog: '🐕',
  power: '⚡',
  electricity: '⚡',
  bolt: '⚡',
  sign: '🪧',
  question: '❓',
  other: '📍',
};

/** Fallback when a category's icon is unknown. */
export const DEFAULT_ICON = '📍';

/** The emoji shown for a category icon name; tolerant of case, dashes and a few synonyms. */
export function iconEmoji(icon: string): string {
  const key = icon
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '_');
  const exact = ICONS[key];
  if (exact) return exact;
  const partial = Object.keys(ICONS).find((name) => key.includes(name));
  return partial ? (ICONS[partial] ?? DEFAULT_ICON) : DEFAULT_ICON;
}
