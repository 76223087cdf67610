import { tmpdir } from 'node:os';

// Temporary folders of tests (cdktf's cdktf.outdir.*, the synth tests' gitops-cdk-*) must not pile
// up in the system temp folder: every test process writes them under the run's own folder, which
// jest's global teardown removes (test/support/temp-root.js).
it("puts every test's temporary folders under the run's own folder", () => {
  const root = process.env.GITOPS_CDK_JEST_TMP;
  expect(root).toMatch(/gitops-cdk-jest-/);
  expect(tmpdir()).toBe(root);
});
