import { EXAMPLE_CERTIFICATE_ORGANIZATION, specSealingExampleCertificates } from '../../apps/spec/rules/spec-sealing-example-certificates';
import { certificate, firstCluster, sealedData, sealingEnvironment } from './sealing-fixtures';

describe('spec-sealing-example-certificates', () => {
  it('warns, per cluster, that what is sealed with an example certificate can never be unsealed', () => {
    const spec = sealingEnvironment();
    const cluster = firstCluster(spec);
    const example = { ...spec, secrets: { ...spec.secrets, sealingCertificates: { [cluster]: certificate('example-org') }, sealed: [sealedData({ cluster })] } };
    expect(specSealingExampleCertificates.level).toBe('warning');
    expect(specSealingExampleCertificates.check(example)).toEqual([
      expect.objectContaining({
        field: `secrets.sealingCertificates.${cluster}`,
        problem: expect.stringContaining(`monitoring/grafana-admin can never be unsealed on ${cluster}`),
      }),
    ]);
    expect(certificate('example-org')).not.toContain(EXAMPLE_CERTIFICATE_ORGANIZATION); // PEM, not text: the rule reads the subject
  });

  it('says nothing of a real (not example-marked) certificate', () => {
    expect(specSealingExampleCertificates.check(sealingEnvironment())).toEqual([]);
  });
});
