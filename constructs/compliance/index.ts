export { addKubernetesComplianceValidations, objectName } from './kubernetes-validations';
export { COMPLIANT, NOT_APPLICABLE, nonCompliant } from './outcome';
export { complianceReport, FRAMEWORKS, type ComplianceReport } from './report';
export {
  blockingResults,
  ComplianceRecorder,
  complianceViolations,
  type ComplianceEngine,
  type ComplianceResult,
  type ComplianceStatus,
} from './result';
export { COMPLIANCE_RULES, KUBERNETES_COMPLIANCE_RULES, TERRAFORM_COMPLIANCE_RULES } from './rules';
export { MIN_SUPPRESSION_REASON, SUPPRESSION_RULE, suppressCompliance } from './suppressions';
export { evaluateTerraformCompliance, TerraformComplianceAspect, type TerraformComplianceAspectOptions } from './terraform-aspect';
export { terraformViewsOf } from './terraform-views';
export type * from './types';
