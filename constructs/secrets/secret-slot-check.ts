import { Construct } from 'constructs';
import { addStructuredValidation } from '../rules/structured-validation';
import { RequiredSecret } from './required-secret';
import { secretSlotFindings, secretSlots } from './secret-slots';
import { secretsInventory } from './secrets-inventory';
import type { SecretsSpec } from './secrets-spec';

export interface SecretSlotCheckProps {
  readonly environment: string;
  readonly secrets: SecretsSpec;
}

/**
 * Renders nothing: refuses the environment's unaccounted Secret slots (secretSlotFindings) as a
 * construct validation, so each slot is reported at synth and in the compliance results. Created
 * beside the environment's charts, it reads every RequiredSecret below its parent when validated,
 * that is after all of them are declared.
 */
export class SecretSlotCheck extends Construct {
  constructor(scope: Construct, id: string, props: SecretSlotCheckProps) {
    super(scope, id);
    addStructuredValidation(this, () => secretSlotFindings(props.environment, secretSlots(secretsInventory(RequiredSecret.of(scope))), props.secrets));
  }
}
