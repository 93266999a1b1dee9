import { hasIndexedDb, openBeaconDb, type StoredPhoto } from '../device/db';

// Where IndexedDB is missing the photos last for the page only (the text draft still survives).
const memory = new Map<string, StoredPhoto>();

async function db() {
  if (!hasIndexedDb()) return null;
  try {
    return await openBeaconDb();
  } catch {
    return null;
  }
}

/** Keeps a draft photo's downscaled JPEG across reloads. */
export async function putDraftPhoto(photo: StoredPhoto): Promise<void> {
  memory.set(photo.id, photo);
  await (await db())?.put('draftPhotos', photo);
}

/** The stored photos among `ids`, by id (missing ones are simply absent). */
export async function getDraftPhotos(ids: readonly string[]): Promise<Map<string, StoredPhoto>> {
  const out = new Map<string, StoredPhoto>();
  const store = await db();
  for (const id of ids) {
    const hit = memory.get(id) ?? (await store?.get('draftPhotos', id));
    if (hit) out.set(id, hit);
  }
  return out;
}

/** Forgets some draft photos, or all of them. */
export async function deleteDraftPhotos(ids?: readonly string[]): Promise<void> {
  const store = await db();
  if (!ids) {
    memory.clear();
    await store?.clear('draftPhotos');
    return;
  }
  for (const id of ids) {
    memory.delete(id);
    await store?.delete('draftPhotos', id);
  }
}
