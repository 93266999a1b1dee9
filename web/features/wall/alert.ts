/** Shortest gap between two beeps: a burst of replayed reports after a reconnect beeps once. */
const BEEP_GAP_MS = 1500;

let audio: AudioContext | null = null;
let lastBeep = 0;

function context(): AudioContext | null {
  if (typeof window === 'undefined' || typeof window.AudioContext !== 'function') return null;
  audio ??= new window.AudioContext();
  return audio;
}

/**
 * Lets the wall make sound: browsers keep audio muted until a person interacts with the page, so the
 * sound button calls this (a kiosk can also start Chromium with `--autoplay-policy=no-user-gesture-required`).
 */
export function unlockSound(): void {
  const ctx = context();
  if (ctx && ctx.state === 'suspended') void ctx.resume().catch(() => {});
}

/** A short, quiet two-tone beep made with WebAudio (no audio file to load). */
export function beep(now = Date.now()): boolean {
  if (now - lastBeep < BEEP_GAP_MS) return false;
  const ctx = context();
  if (!ctx) return false;
  lastBeep = now;
  try {
    if (ctx.state === 'suspended') void ctx.resume().catch(() => {});
    const start = ctx.currentTime + 0.01;
    for (const [i, freq] of [880, 660].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const at = start + i * 0.16;
      osc.type = 'sine';
      osc.frequency.setValueAtTime(freq, at);
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.06, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.14);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.15);
    }
    return true;
  } catch {
    // No audio device (a headless test browser): the flash still says it.
    return false;
  }
}
