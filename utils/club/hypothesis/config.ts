/**
 * What connects the reader to a Hypothesis group. The service address is a setting because organisations run
 * their own instances of h; the token is the reader's developer token (hypothes.is/account/developer), which only
 * the background holds and sends, in an `Authorization: Bearer` header to this address and nowhere else.
 */
export interface HypothesisConfig {
  kind: 'hypothesis';
  /** The service's origin, e.g. `https://hypothes.is`; the API lives under `/api/`. */
  service: string;
  token: string;
  /** The group's pubid (`8JmD3iz1`), as `GET /api/groups` lists it. */
  group: string;
}

/** The public service; what the options page offers until the reader names another. */
export const DEFAULT_HYPOTHESIS_SERVICE = 'https://hypothes.is';

/**
 * The address of one API path on the configured service. A trailing slash or path on the setting is tolerated
 * (`https://h.example.org/` and `https://h.example.org` mean the same service), since readers paste addresses.
 */
export function apiUrl(config: Pick<HypothesisConfig, 'service'>, path: string, query?: URLSearchParams): string {
  const base = config.service.replace(/\/+$/, '');
  const search = query && [...query.keys()].length > 0 ? `?${query}` : '';
  return `${base}/api/${path}${search}`;
}
