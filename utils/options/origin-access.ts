/** The two calls of the browser's `permissions` API that decide whether the extension may reach some sites. */
export interface OriginPermissions {
  request(permissions: { origins: string[] }): Promise<boolean>;
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

/**
 * Asks the browser, in the reader's click, for the sites of a club service (match patterns). Firefox refuses to
 * `request` an origin its manifest does not list as optional, even one it already holds: its MV2 build has every
 * http(s) site as a required host permission, so Connect was always refused there ("Cannot request origin
 * permission … since it was not declared in the manifest"). When the browser refuses to ask, the sites count as
 * allowed if the extension holds them already. A reader's "no" to a prompt is an answer, not a refusal to ask.
 * `request` is called before anything is awaited, as the click requires.
 */
export function requestOrigins(permissions: OriginPermissions, patterns: string[]): Promise<boolean> {
  return permissions
    .request({ origins: patterns })
    .catch(() => permissions.contains({ origins: patterns }).catch(() => false));
}
