/** One `[INPUT]`, `[FILTER]` or `[OUTPUT]` section of Fluent Bit's classic configuration format. */
export interface FluentBitSection {
  readonly kind: 'INPUT' | 'FILTER' | 'OUTPUT';
  /** Key/value lines in order; a key may repeat (e.g. `Set` of the modify filter). */
  readonly properties: readonly (readonly [key: string, value: string])[];
}

/**
 * Sections as Fluent Bit reads them: a header, one indented `Key value` line per property, a blank
 * line between sections. The chart passes the text through Helm's `tpl` and the ApplicationSet
 * through Go templates, so it must not hold `{{` other than the cluster name the ApplicationSet fills in.
 */
export function renderSections(sections: readonly FluentBitSection[]): string {
  return sections
    .map(({ kind, properties }) => [`[${kind}]`, ...properties.map(([key, value]) => `    ${key} ${value}`)].join('\n'))
    .join('\n\n')
    .concat('\n');
}

/** Records the tail input produces; every filter and output matches them. */
export const CONTAINER_LOG_TAG = 'kube.*';
