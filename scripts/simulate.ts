import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { demoCity } from './seed/demo-city';
import { answers, Rng } from './seed/random';

// npm run simulate -- [--url http://127.0.0.1:3000] [--rate 0.5] [--duration SECONDS] [--count N]
// Files realistic reports against a running server, so the wall map can be watched live.
const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.BEACON_URL ?? 'http://127.0.0.1:3000' },
    rate: { type: 'string', default: '0.5' },
    duration: { type: 'string' },
    count: { type: 'string' },
    seed: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const rate = Number(values.rate);
if (!(rate > 0 && rate <= 1000)) throw new Error('--rate must be reports per second, between 0 and 1000');
const endAt = values.duration ? Date.now() + Number(values.duration) * 1000 : Infinity;
const maxCount = values.count ? Number(values.count) : Infinity;
const rng = new Rng(values.seed ? Number(values.seed) : Date.now());
const channels = ['app', 'app', 'app', 'web', 'hotline', 'helper'] as const;

/** One realistic report near a real place of the demo city. */
function nextReport() {
  const category = rng.pick(demoCity.categories);
  const place = rng.pick(demoCity.places);
  const jitter = () => (rng.next() - 0.5) * 0.003;
  return {
    categoryCode: category.code,
    lat: Number((place.lat + jitter()).toFixed(6)),
    lng: Number((place.lng + jitter()).toFixed(6)),
    description: rng.pick(demoCity.descriptions[category.code] ?? ['Cần kiểm tra, xử lý.']),
    address: place.street,
    channel: rng.pick(channels),
    attributes: answers(category, rng),
    contact: rng.chance(0.5)
      ? { name: rng.pick(demoCity.residentNames), phone: `09${rng.int(10_000_000, 99_999_999)}` }
      : undefined,
  };
}

/** Posts one report, retrying with the same Idempotency-Key until the server answers. */
async function file(body: ReturnType<typeof nextReport>): Promise<string> {
  const key = randomUUID();
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(`${values.url}/api/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { trackingCode?: string; detail?: string };
      if (res.status === 201) return `${json.trackingCode} ${body.categoryCode} → ${body.address}`;
      if (res.status < 500) return `refused ${res.status}: ${json.detail}`;
    } catch {
      // Server unreachable: keep the report and try again.
    }
    if (Date.now() > endAt) return 'gave up: time is over';
    await new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** attempt)));
  }
}

let sent = 0;
let stopping = false;
process.on('SIGINT', () => (stopping = true));
console.log(
  `Filing about ${rate} report(s)/s to ${values.url}${Number.isFinite(endAt) ? ` for ${values.duration}s` : ''}${Number.isFinite(maxCount) ? `, ${maxCount} at most` : ''} (Ctrl-C stops)`,
);
const started = Date.now();
while (!stopping && Date.now() < endAt && sent < maxCount) {
  const line = await file(nextReport());
  sent++;
  if (!values.quiet) console.log(`${new Date().toISOString()}  ${line}`);
  // Poisson arrivals: exponential gaps with the chosen mean rate.
  const due = started + (sent / rate) * 1000;
  const gap = Math.max(0, due - Date.now() + (-Math.log(1 - rng.next()) - 1) * (1000 / rate) * 0.5);
  await new Promise((r) => setTimeout(r, gap));
}
console.log(`Filed ${sent} report(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
