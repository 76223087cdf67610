import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTerraformEstate } from '../../apps/assembly/terraform-estate';
import { canonicalHcl } from '../../constructs/terraform/canonical-hcl';
import { layoutHcl } from '../../constructs/terraform/hcl-layout';
import { realHclFormat, renderUnformattedStack } from '../../constructs/terraform/render-stack';
import { TF_ESTATE } from './terraform-fixtures';

describe('layoutHcl', () => {
  it('indents two spaces per open bracket and aligns the = of consecutive assignments', () => {
    const raw = ['resource "a" "b" {', 'name = "x"', 'longer_name = 1', 'tags = {', '"k" = "v"', '}', 'count = 2', '}'].join('\n');
    expect(layoutHcl(raw)).toBe(['resource "a" "b" {', '  name        = "x"', '  longer_name = 1', '  tags = {', '    "k" = "v"', '  }', '  count = 2', '}'].join('\n'));
  });

  it('ends a run of aligned assignments at a blank line, a block or a multi-line value', () => {
    const raw = ['a = 1', 'bbb = 2', '', 'cc = 3', 'list = [', '"x",', ']', 'd = 4', 'block {', '}', 'eeeee = 5'].join('\n');
    expect(layoutHcl(raw)).toBe(['a   = 1', 'bbb = 2', '', 'cc = 3', 'list = [', '  "x",', ']', 'd = 4', 'block {', '}', 'eeeee = 5'].join('\n'));
  });

  it('reads brackets, = and quotes inside strings and interpolations as text', () => {
    const raw = ['x = "a = { [ ("', 'yy = "${var.a["k"]}-}"', 'z = a == b ? 1 : 2', 'w = "\\" {"'].join('\n');
    expect(layoutHcl(raw)).toBe(['x  = "a = { [ ("', 'yy = "${var.a["k"]}-}"', 'z  = a == b ? 1 : 2', 'w  = "\\" {"'].join('\n'));
  });

  it.each([
    ['a comment', 'a = 1 # why'],
    ['a heredoc', 'policy = <<EOT\n{}\nEOT'],
    ['a tab', 'a =\t1'],
    ['a string left open', 'a = "x'],
    ['brackets that do not balance', 'block {'],
  ])('leaves input with %s to the real formatter', (_case, raw) => {
    expect(layoutHcl(raw)).toBeUndefined();
  });
});

// Every stack of a fixture estate with all three clouds and the production features: what the
// synth writes is laid out exactly as the real formatter lays it out.
describe('layoutHcl against the real formatter (hclwrite, as @cdktf/hcl-tools runs it)', () => {
  const cases = TF_ESTATE.flatMap((spec) => buildTerraformEstate(spec).entries.map((entry) => ({ env: spec.name, name: entry.name, stack: entry.stack })));

  it.each(cases.map((c) => [c.env, c.name, c] as const))('%s/%s', async (_env, _name, c) => {
    const raw = renderUnformattedStack(c.stack, c.env).hcl;
    const laidOut = layoutHcl(raw);
    expect(laidOut).toBeDefined();
    expect(laidOut).toBe(await realHclFormat(raw));
  });
});

describe('dist/terraform', () => {
  const root = join(__dirname, '../../dist/terraform');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('main.tf'));

  it('holds stacks', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s is unchanged by the real formatter', async (path) => {
    const hcl = readFileSync(join(root, path), 'utf8');
    expect(canonicalHcl(await realHclFormat(hcl))).toBe(hcl);
  });
});
