/**
 * Base64url without padding, the encoding of every JWT part (RFC 7515). `btoa` works on "binary strings", so
 * bytes are turned into one first; the inputs here are a few hundred bytes, well under any argument limit.
 */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64urlText(text: string): string {
  return base64url(new TextEncoder().encode(text));
}

/** The text a base64url part decodes to, or null when it is not base64url or not UTF-8. */
export function decodeBase64urlText(part: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) return null;
  try {
    const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
