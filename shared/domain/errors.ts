/**
 * Error codes used in problem+json bodies (`type` is `/problems/<code>`). Each is documented here once.
 */
export const ERROR_CODES = {
  validation_failed: { status: 422, title: 'The request has invalid fields' },
  invalid_json: { status: 400, title: 'The body is not valid JSON' },
  bad_request: { status: 400, title: 'The request is malformed' },
  unauthenticated: { status: 401, title: 'Sign in first' },
  invalid_credentials: { status: 401, title: 'Wrong username or password' },
  totp_required: { status: 401, title: 'Enter the code from your authenticator app' },
  invalid_totp: { status: 401, title: 'The code is wrong, expired or already used' },
  totp_enrolment_required: { status: 403, title: 'Set up two-step verification first' },
  forbidden: { status: 403, title: 'Your role may not do this' },
  cross_origin_request: { status: 403, title: 'Requests that change data must come from this site' },
  not_found: { status: 404, title: 'Not found' },
  version_conflict: { status: 409, title: 'Someone else changed this report first' },
  conflict: { status: 409, title: 'This conflicts with the current configuration' },
  transition_not_allowed: { status: 409, title: "This action is not possible in the report's current status" },
  idempotency_key_reused: { status: 422, title: 'This Idempotency-Key was already used with a different request' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  invalid_image: { status: 422, title: 'The image cannot be read (damaged, truncated or too many pixels)' },
  resident_token_required: { status: 403, title: 'Only the device that filed or followed this report may do this' },
  already_rated: { status: 409, title: 'This report has already been rated' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'The server is busy or restarting; try again shortly' },
} as const;
/** One documented error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** A field-level problem: `path` is the dotted field name (e.g. `contact.email`). */
export interface FieldError {
  path: string;
  message: string;
}

/** The RFC 9457 problem body every error response carries. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ErrorCode;
  errors?: FieldError[];
  requestId?: string;
}
