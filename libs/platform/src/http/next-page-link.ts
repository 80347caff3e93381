/**
 * The `Link` header (RFC 8288) of a list whose body stays a JSON array: where its next page is,
 * `</path?cursor=…&limit=…>; rel="next"`. Lists that predate paging keep their body this way.
 */
export function nextPageLink(path: string, cursor: string, limit: number | undefined): string {
  const query = new URLSearchParams({ cursor, ...(limit ? { limit: String(limit) } : {}) });
  return `<${path}?${query.toString()}>; rel="next"`;
}

/** The OpenAPI description of that header, for `@ApiOkResponse({ headers })`. */
export function nextPageLinkHeader(path: string): Record<string, { description: string; schema: { type: 'string' } }> {
  return {
    Link: {
      description: `The next page, when there is one: \`<${path}?cursor=…&limit=…>; rel="next"\` (RFC 8288)`,
      schema: { type: 'string' },
    },
  };
}
