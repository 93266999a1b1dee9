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
} as const;

/** Digits of precision kept in the public view of a location (3 decimals is about 110 m). */
export const PUBLIC_COORD_DECIMALS = 3;
