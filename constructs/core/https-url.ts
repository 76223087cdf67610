import { isString } from './finding';

/** An absolute `https://` URL with a host: what a client may send credentials to. */
export function isHttpsUrl(value: unknown): boolean {
  if (!isString(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}
