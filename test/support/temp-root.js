// jest globalSetup/globalTeardown: every test process writes its temporary folders (cdktf's
// `cdktf.outdir.*`, the synth tests' `gitops-cdk-*`) under one folder of this run, which is
// removed when the run ends, passed or failed. Workers start after globalSetup, so they inherit TMPDIR.
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports.setup = function setup() {
  const root = mkdtempSync(join(tmpdir(), 'gitops-cdk-jest-'));
  process.env.GITOPS_CDK_JEST_TMP = root;
  process.env.TMPDIR = root;
};

module.exports.teardown = function teardown() {
  const root = process.env.GITOPS_CDK_JEST_TMP;
  if (root) rmSync(root, { recursive: true, force: true });
};
