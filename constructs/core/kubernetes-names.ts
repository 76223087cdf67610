import { matches } from './finding';

/**
 * Kubernetes name and label formats (apimachinery validation), as predicates on unknown values so a
 * check can apply them to user input of any type.
 */

/** RFC 1123 label restricted to a letter start: safe in paths, resource names and label values. */
const DNS_LABEL = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;

/** Kubernetes label value: empty, or ≤ 63 alphanumerics with `-`, `_`, `.` inside. */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A DNS label starting with a letter, at most `maxLength` characters. */
export function isDnsLabel(value: unknown, maxLength: number): boolean {
  return matches(value, DNS_LABEL) && (value as string).length <= maxLength;
}

export function isLabelValue(value: unknown): boolean {
  return matches(value, LABEL_VALUE) && (value as string).length <= 63;
}

/** `[prefix/]name`: prefix a DNS subdomain ≤ 253 chars, name ≤ 63 chars (Kubernetes label key rules). */
export function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  const prefixOk = prefix === undefined || (DNS_SUBDOMAIN.test(prefix) && prefix.length <= 253);
  return prefixOk && LABEL_NAME.test(name) && name.length <= 63;
}
