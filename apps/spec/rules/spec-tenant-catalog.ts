import { unless } from '../../../constructs/core/finding';
import { TENANT_LABEL } from '../../../constructs/kubernetes/gitops-cdk-labels';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import { PINS_FILE } from '../../../environments/pins';
import type { EnvironmentSpec } from '../../../environments/types';
import { isCatalogRelease } from './spec-policy-catalog';
import { DEFAULT_QUOTA_POLICY, defaultQuotaRequests, firstTenantReadyRelease, leavesTenantQuotaAlone } from './support/tenant-ready-catalog';

/**
 * Tenants bring their own `tenant-quota` and `tenant-limits`; the catalog's default-quota policy must
 * leave their namespaces alone, or both apply. The ResourceQuota admission checks every quota in the
 * namespace (k8s.io/apiserver v0.34.4 pkg/admission/plugin/resourcequota/controller.go), so the smaller
 * default caps the tenant; the LimitRanger applies every LimitRange in lister order and the first
 * default wins (k8s v1.34.4 plugin/pkg/admission/limitranger/admission.go), so container defaults
 * change from one admission to the next. The required release is read from the catalog, not written here.
 */
export const specTenantCatalog: SpecRule<EnvironmentSpec> = {
  id: 'spec-tenant-catalog',
  engine: 'spec',
  level: 'error',
  title: 'An environment with tenants runs a catalog that leaves tenant quota to the tenant',
  rationale:
    "Kyverno's generated default-quota and default-limits next to a tenant's own quota and limits cap the tenant at the default and give its containers random defaults; the catalog must exclude tenant namespaces before tenants arrive.",
  controls: { soc2: ['A1.1', 'CC8.1'], pciDss: [], iso27001: ['A.8.6'], gdpr: [] },
  check: (spec) => {
    const { catalog } = spec.kyverno;
    // An unknown release is spec-policy-catalog's finding.
    if ((spec.tenants ?? []).length === 0 || !isCatalogRelease(catalog)) return [];
    const ready = firstTenantReadyRelease();
    const tenants = (spec.tenants ?? []).map((t) => t.name).join(', ');
    return unless(
      leavesTenantQuotaAlone(catalog),
      'kyverno.catalog',
      catalog,
      `runs ${DEFAULT_QUOTA_POLICY} without the tenant exclude, while tenants ${tenants} render their own quota and limits: Kyverno's default-quota ` +
        `would cap each tenant namespace at ${defaultQuotaRequests(catalog)}, and two LimitRanges give containers random defaults ` +
        '(k8s v1.34.4 plugin/pkg/admission/limitranger/admission.go applies the first in lister order)',
      ready === undefined
        ? `release a catalog revision of ${DEFAULT_QUOTA_POLICY} that excludes Namespaces labelled ${TENANT_LABEL}, then pin it in ${PINS_FILE}`
        : `promote the policy catalog to ${ready} or later first (pin it for the first stage in ${PINS_FILE}, then npm run promote -- --from <previous> --to ${spec.name}), ` +
            'then add the tenants; or remove the tenants until then',
    );
  },
};
