/** Limits shared by the form and the server. */
export const LIMITS = {
  descriptionMax: 4000,
  descriptionMin: 3,
  addressMax: 300,
  contactNameMax: 120,
  contactPhoneMax: 30,
  contactEmailMax: 254,
  reasonMax: 1000,
  noteMax: 4000,
  idempotencyKeyMax: 200,
  listPageMax: 500,
  /** Photos a resident may attach to a report or a comment. */
  photosMax: 3,
  /** Default largest photo upload (server: `PHOTO_MAX_MB`). */
  photoMaxBytes: 10 * 1024 * 1024,
  /** Largest image in pixels the server will decode (a "pixel bomb" beyond it is refused). */
  photoMaxPixels: 50_000_000,
  /** Longest side of the display copy and of the thumbnail. */
  photoDisplaySide: 1600,
  photoThumbSide: 320,
  commentMax: 2000,
  ratingCommentMax: 1000,
  attributeValueMax: 500,
} as const;

/** Digits of precision kept in the public view of a location (3 decimals is about 110 m). */
export const PUBLIC_COORD_DECIMALS = 3;
