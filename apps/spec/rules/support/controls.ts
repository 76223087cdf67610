import type { RuleControls } from '../../../../constructs/rules/spec-rule';

/** For rules that check a format or a consistency no compliance framework names. */
export const NO_CONTROLS: RuleControls = { soc2: [], pciDss: [], iso27001: [], gdpr: [] };
