import { LIMITS } from '../../../shared/domain/limits';
import type { CategoryQuestion } from '../../../shared/schemas/categories';
import type { CreateReportInput } from '../../../shared/schemas/reports';
import { answersToAttributes, type Answers } from './questions';

/** How the resident gives the place: a point (GPS, map, photo) or, without the map, an address and ward. */
export type LocationMode = 'map' | 'address';

/** A photo of the draft; its downscaled JPEG lives in IndexedDB under the same id. */
export interface DraftPhoto {
  id: string;
  name: string;
  size: number;
}

/** The resident's report while it is being written (kept in localStorage; photo blobs in IndexedDB). */
export interface Draft {
  step: 1 | 2 | 3;
  categoryCode: string;
  locationMode: LocationMode;
  lat: number | null;
  lng: number | null;
  /** The ward picked from `GET /api/areas` (address mode). */
  areaCode: string;
  description: string;
  /** Required in address mode, optional otherwise. */
  address: string;
  contact: { name: string; phone: string; email: string };
  /** Answers to the category's extra questions, by question code. */
  attributes: Answers;
  photos: DraftPhoto[];
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
    locationMode: 'map',
    lat: null,
    lng: null,
    areaCode: '',
    description: '',
    address: '',
    contact: { name: '', phone: '', email: '' },
    attributes: {},
    photos: [],
    idempotencyKey: newIdempotencyKey(),
  };
}

const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function answers(v: unknown): Answers {
  const out: Answers = {};
  for (const [code, a] of Object.entries(obj(v))) {
    if (typeof a === 'string') out[code] = a.slice(0, LIMITS.attributeValueMax);
    else if (Array.isArray(a)) out[code] = a.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

function photos(v: unknown): DraftPhoto[] {
  if (!Array.isArray(v)) return [];
  return v
    .map(obj)
    .filter((p) => typeof p.id === 'string' && p.id !== '')
    .map((p) => ({ id: String(p.id), name: str(p.name, 200) || 'photo.jpg', size: num(p.size) ?? 0 }))
    .slice(0, LIMITS.photosMax);
}

/** Repairs a stored or restored draft field by field (an old or damaged copy), keeping what is valid. */
export function reviveDraft(raw: unknown): Draft {
  const blank = emptyDraft();
  if (!raw || typeof raw !== 'object') return blank;
  const d = raw as Record<string, unknown>;
  const c = obj(d.contact);
  const step = d.step === 2 || d.step === 3 ? d.step : 1;
  return {
    step,
    categoryCode: str(d.categoryCode, 100),
    locationMode: d.locationMode === 'address' ? 'address' : 'map',
    lat: num(d.lat),
    lng: num(d.lng),
    areaCode: str(d.areaCode, 100),
    description: str(d.description, LIMITS.descriptionMax),
    address: str(d.address, LIMITS.addressMax),
    contact: {
      name: str(c.name, LIMITS.contactNameMax),
      phone: str(c.phone, LIMITS.contactPhoneMax),
      email: str(c.email, LIMITS.contactEmailMax),
    },
    attributes: answers(d.attributes),
    photos: photos(d.photos),
    idempotencyKey: str(d.idempotencyKey, LIMITS.idempotencyKeyMax) || blank.idempotencyKey,
  };
}

/** The saved draft, repaired, or a blank one. */
export function loadDraft(): Draft {
  try {
    return reviveDraft(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'));
  } catch {
    return emptyDraft();
  }
}

/** Keeps the draft across reloads. */
export function saveDraft(draft: Draft): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the draft lives in memory only.
  }
}

/** Forgets the draft once the report is in the outbox. */
export function clearDraft(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}

/** True when the draft has a point (GPS, map or photo) that will be sent. */
export function hasPoint(draft: Draft): boolean {
  return draft.locationMode === 'map' && draft.lat !== null && draft.lng !== null;
}

/**
 * The API body for a draft; empty optional fields are left out. A report placed by address carries
 * `areaCode` and `address` and no coordinates at all; only answers to `questions` are sent.
 */
export function toInput(draft: Draft, questions: readonly CategoryQuestion[] = []): CreateReportInput {
  const contact = {
    name: draft.contact.name.trim() || undefined,
    phone: draft.contact.phone.trim() || undefined,
    email: draft.contact.email.trim() || undefined,
  };
  const hasContact = Object.values(contact).some((v) => v !== undefined);
  const place =
    draft.locationMode === 'address'
      ? { areaCode: draft.areaCode || undefined, address: draft.address.trim() || undefined }
      : {
          lat: draft.lat ?? Number.NaN,
          lng: draft.lng ?? Number.NaN,
          address: draft.address.trim() || undefined,
        };
  return {
    categoryCode: draft.categoryCode,
    ...place,
    description: draft.description.trim(),
    contact: hasContact ? contact : undefined,
    channel: 'web',
    attributes: answersToAttributes(questions, draft.attributes),
  };
}

/** Which step holds the field a server error names (the address is on step 2 when it replaces the map). */
export function stepOfField(path: string, mode: LocationMode = 'map'): 1 | 2 | 3 {
  if (path === 'categoryCode') return 1;
  if (path === 'lat' || path === 'lng' || path === 'areaCode') return 2;
  if (path === 'photos' || path.startsWith('photos.')) return 2;
  if (path === 'address') return mode === 'address' ? 2 : 3;
  return 3;
}
