import { finding } from '../../core/finding';
import { applicationSpecsOf } from '../inspect/argo-applications';
import type { KubernetesRule } from '../types';

/** The default project allows any source, any destination and any kind: nothing may use it. */
export const k8sNoDefaultProject: KubernetesRule = {
  id: 'k8s-no-default-project',
  engine: 'kubernetes',
  level: 'error',
  title: 'No Argo CD Application uses the default AppProject',
  rationale:
    'The default AppProject allows every repository, every cluster and every kind, cluster-scoped ones included: an ' + 'Application in it escapes every limit its team was given.',
  controls: {
    soc2: ['CC6.1', 'CC6.3'],
    pciDss: ['7.2.1'],
    iso27001: ['A.5.15', 'A.8.2'],
    gdpr: ['Art. 25'],
  },
  objectTypes: ['argoproj.io/v1alpha1/Application', 'argoproj.io/v1alpha1/ApplicationSet'],
  check(manifest) {
    return applicationSpecsOf(manifest)
      .filter((found) => found.spec.project === undefined || found.spec.project === '' || found.spec.project === 'default')
      .map((found) =>
        finding(
          `${found.prefix}.project`,
          found.spec.project,
          'the application is in the default AppProject, which has no limits',
          'pass an AppProject object (e.g. the platform project) as `project`',
        ),
      );
  },
};
