/** A JSON Response, as the API would send it. */
export function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType },
  });
}

/** A problem+json error Response. */
export function problem(status: number, code: string, errors?: { path: string; message: string }[]): Response {
  return jsonResponse(
    status,
    { type: `/problems/${code}`, title: code, status, code, errors },
    'application/problem+json',
  );
}
