import { LIMITS } from '../../../shared/domain/limits';
import type { CreateReportInput } from '../../../shared/schemas/reports';

/** The resident's report while it is being written (kept in localStorage). */
export interface Draft {
  step: 1 | 2 | 3;
  categoryCode: string;
  lat: number | null;
  lng: number | null;
  description: string;
  address: string;
  contact: { name: string; phone: string; email: string };
  /** One key per draft, reused on every retry so a retried submission never files twice. */
  idempotencyKey: string;
}

const STORAGE_KEY = 'beacon.reportDraft';

/** A random UUID; falls back to getRandomValues where randomUUID is missing (plain-HTTP city PCs). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A blank draft with a fresh idempotency key. */
export function emptyDraft(): Draft {
  return {
    step: 1,
    categoryCode: '',
    lat: null,
    lng: null,
    description: '',
    address: '',
    contact: { name: '', phone: '', email: '' },
    idempotencyKey: newIdempotencyKey(),
  };
}

const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The saved draft, repaired field by field (storage may hold an old or damaged copy), or a blank one. */
export function loadDraft(): Draft {
  const blank = emptyDraft();
  let raw: unknown;
  try {
    raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    return blank;
  }
  if (!raw || typeof raw !== 'object') return blank;
  const d = raw as Record<string, unknown>;
  const c = (d.contact && typeof d.contact === 'object' ? d.contact : {}) as Record<string, unknown>;
  const step = d.step === 2 || d.step === 3 ? d.step : 1;
  return {
    step,
    categoryCode: str(d.categoryCode, 100),
    lat: num(d.lat),
    lng: num(d.lng),
    description: str(d.description, LIMITS.descriptionMax),
    address: str(d.address, LIMITS.addressMax),
    contact: {
      name: str(c.name, LIMITS.contactNameMax),
      phone: str(c.phone, LIMITS.contactPhoneMax),
      email: str(c.email, LIMITS.contactEmailMax),
    },
    idempotencyKey: str(d.idempotencyKey, LIMITS.idempotencyKeyMax) || blank.idempotencyKey,
  };
}

/** Keeps the draft across reloads. */
export function saveDraft(draft: Draft): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the draft lives in memory only.
  }
}

/** Forgets the draft once the report is filed. */
export function clearDraft(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}

/** The API body for a draft; empty optional fields are left out. */
export function toInput(draft: Draft): CreateReportInput {
  const contact = {
    name: draft.contact.name.trim() || undefined,
    phone: draft.contact.phone.trim() || undefined,
    email: draft.contact.email.trim() || undefined,
  };
  const hasContact = Object.values(contact).some((v) => v !== undefined);
  return {
    categoryCode: draft.categoryCode,
    lat: draft.lat ?? Number.NaN,
    lng: draft.lng ?? Number.NaN,
    description: draft.description.trim(),
    address: draft.address.trim() || undefined,
    contact: hasContact ? contact : undefined,
    channel: 'web',
  };
}

/** Which step holds the field a server error names. */
export function stepOfField(path: string): 1 | 2 | 3 {
  if (path === 'categoryCode') return 1;
  if (path === 'lat' || path === 'lng') return 2;
  return 3;
}
