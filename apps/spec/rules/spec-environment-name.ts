import { unless } from '../../../constructs/core/finding';
import { isDnsLabel } from '../../../constructs/core/kubernetes-names';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';

const MAX_ENVIRONMENT_NAME = 32;

/** The name becomes a directory, resource names and label values: it must be valid in all of them. */
export const specEnvironmentName: SpecRule<EnvironmentSpec> = {
  id: 'spec-environment-name',
  engine: 'spec',
  level: 'error',
  title: 'The environment name is a short DNS label',
  rationale: 'The name becomes dist/k8s/<name>/, part of resource names and a label value; a name invalid in any of them fails late, inside Kubernetes or Terraform.',
  controls: NO_CONTROLS,
  check: (spec) =>
    unless(
      isDnsLabel(spec.name, MAX_ENVIRONMENT_NAME),
      'name',
      spec.name,
      `the environment name must be a DNS label (lowercase letters, digits and '-', starting with a letter, at most ${MAX_ENVIRONMENT_NAME} characters): it becomes dist/k8s/<name>/, resource names and label values`,
      `rename it to something like 'prod-eu'`,
    ),
};
