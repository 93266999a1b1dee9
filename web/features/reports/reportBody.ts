import type { CreateReportInput } from '../../../shared/schemas/reports';

/** A photo to upload with a report. */
export interface UploadPhoto {
  blob: Blob;
  name: string;
}

/** The request body and its Content-Type (null: let the browser set the multipart boundary). */
export interface RequestBody {
  body: string | FormData;
  contentType: string | null;
}

/**
 * `multipart/form-data` with the JSON body's field names: `contact.name`, `attributes.<code>` (repeated
 * for a multi-value answer) and the files under `photos`, last, so a streaming server has every field
 * before the first file.
 */
export function reportFormData(input: CreateReportInput, photos: readonly UploadPhoto[]): FormData {
  const fd = new FormData();
  const add = (name: string, value: string | number | undefined) => {
    if (value !== undefined) fd.append(name, String(value));
  };
  add('categoryCode', input.categoryCode);
  add('lat', input.lat);
  add('lng', input.lng);
  add('areaCode', input.areaCode);
  add('description', input.description);
  add('address', input.address);
  add('channel', input.channel);
  if (input.contact) {
    add('contact.name', input.contact.name);
    add('contact.phone', input.contact.phone);
    add('contact.email', input.contact.email);
  }
  for (const [code, answer] of Object.entries(input.attributes ?? {})) {
    for (const value of Array.isArray(answer) ? answer : [answer]) fd.append(`attributes.${code}`, value);
  }
  for (const photo of photos) fd.append('photos', photo.blob, photo.name);
  return fd;
}

/** JSON when there are no photos (smaller, simpler), multipart when there are. */
export function reportRequestBody(input: CreateReportInput, photos: readonly UploadPhoto[]): RequestBody {
  if (photos.length) return { body: reportFormData(input, photos), contentType: null };
  return { body: JSON.stringify(input), contentType: 'application/json' };
}
