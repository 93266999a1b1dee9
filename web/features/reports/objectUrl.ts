const urls = new WeakMap<Blob, string>();

/** One object URL per blob for as long as the page lives (a draft holds at most three photos). */
export function objectUrlFor(blob: Blob): string {
  const hit = urls.get(blob);
  if (hit) return hit;
  if (typeof URL.createObjectURL !== 'function') return '';
  const url = URL.createObjectURL(blob);
  urls.set(blob, url);
  return url;
}
