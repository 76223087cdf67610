import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Backend, TerraformStack, Testing } from 'cdktf';
import { buildTerraformEstate } from '../../apps/assembly/terraform-estate';
import { renderStack } from '../../constructs/terraform/render-stack';
import { hclAndJson, isRecord } from './hcl-json';
import { TF_ESTATE, TF_PRODUCTION } from './terraform-fixtures';

// Every stack of a fixture estate with all three clouds and the production features (state
// replicas, break-glass, private endpoints): new layers are covered without edits.
const cases = TF_ESTATE.flatMap((spec) => buildTerraformEstate(spec).stacks.map((stack) => ({ env: spec.name, id: stack.node.id, stack })));

describe('HCL round trip', () => {
  // Rendering formats HCL through WASM: each stack is rendered once and both checks read it.
  const rendered = new Map<(typeof cases)[number], Awaited<ReturnType<typeof renderStack>>>();
  beforeAll(async () => {
    for (const c of cases) rendered.set(c, await renderStack(c.stack, c.env));
  });

  it('covers every layer of every cloud', () => {
    expect([...new Set(cases.map((c) => c.id.replace(/-(network|cluster)-.*$/, '-$1')))].sort()).toEqual(
      ['aws', 'azure', 'gcp'].flatMap((cloud) => [`${cloud}-cluster`, `${cloud}-foundation`, `${cloud}-network`]),
    );
  });

  it.each(cases.map((c) => [c.env, c.id, c] as const))('the formatted HCL of %s/%s parses to the same configuration as its JSON synth', async (_env, _id, c) => {
    const { hcl, json } = await hclAndJson(rendered.get(c)!.hcl, rendered.get(c)!.json);
    expect(hcl).toEqual(json);
  });

  // Read from the same renders: a stack without a backend would get a local one with this
  // machine's absolute path.
  it.each(cases.map((c) => [c.env, c.id, c] as const))("%s/%s declares its cloud's remote backend, never local", (_env, id, c) => {
    const BACKEND: Readonly<Record<string, string>> = { aws: 's3', azure: 'azurerm', gcp: 'gcs' };
    const terraform = rendered.get(c)!.json.terraform;
    const backend = isRecord(terraform) ? terraform.backend : undefined;
    expect(isRecord(backend) ? Object.keys(backend) : []).toEqual([BACKEND[id.split('-')[0]!]]);
  });
});

describe('the round-trip comparison', () => {
  // An AWS foundation: the mutations below edit its KMS key, provider and S3 backend.
  const first = cases.find((c) => c.id === 'aws-foundation');
  const accountId = TF_PRODUCTION.clouds.aws!.accountId;

  // Rendered once (the WASM formatter is the cost): each mutation edits its own copy of the JSON.
  let foundation: ReturnType<typeof renderStack> | undefined;

  async function compareWith(mutate: (json: Record<string, unknown>) => void): Promise<{ hcl: unknown; json: unknown }> {
    if (first === undefined) throw new Error('no stack to test with');
    foundation ??= renderStack(first.stack, first.env);
    const rendered = await foundation;
    const json: unknown = JSON.parse(JSON.stringify(rendered.json));
    if (!isRecord(json)) throw new Error('JSON synth is not an object');
    mutate(json);
    return hclAndJson(rendered.hcl, json);
  }

  function record(value: unknown, key: string): Record<string, unknown> {
    const child = isRecord(value) ? value[key] : undefined;
    if (!isRecord(child)) throw new Error(`no object at ${key}`);
    return child;
  }

  it('fails when an attribute of the JSON differs from the HCL', async () => {
    const { hcl, json } = await compareWith((tf) => {
      record(record(record(tf, 'resource'), 'aws_kms_key'), 'key').enable_key_rotation = false;
    });
    expect(hcl).not.toEqual(json);
  });

  it('fails when an all-digit string is rendered as a number', async () => {
    // The HCL renderer writes "111122223333" as 111122223333 outside typed attributes; the
    // comparison must see the type, or an account id with a leading zero would change silently.
    const { hcl, json } = await compareWith((tf) => {
      const provider = record(tf, 'provider').aws;
      if (!Array.isArray(provider) || !isRecord(provider[0])) throw new Error('no aws provider');
      provider[0].allowed_account_ids = [Number(accountId)];
    });
    expect(hcl).not.toEqual(json);
  });

  it('treats zero blocks of a kind as no block, but not one block the HCL lacks', async () => {
    const none = await compareWith((tf) => {
      record(record(record(tf, 'resource'), 'aws_kms_key'), 'key').timeouts = [];
    });
    expect(none.hcl).toEqual(none.json);
    const one = await compareWith((tf) => {
      record(record(record(tf, 'resource'), 'aws_kms_key'), 'key').timeouts = [{ create: '10m' }];
    });
    expect(one.hcl).not.toEqual(one.json);
  });

  it('fails when the HCL lacks an attribute the JSON has', async () => {
    const { hcl, json } = await compareWith((tf) => {
      record(record(tf, 'terraform'), 'backend').s3 = { ...record(record(record(tf, 'terraform'), 'backend'), 's3'), acl: 'private' };
    });
    expect(hcl).not.toEqual(json);
  });
});

describe('the round-trip comparison on known cdktf 0.21 renderer bugs', () => {
  function stackWith(configure: (stack: TerraformStack) => void): TerraformStack {
    const stack = new TerraformStack(Testing.app(), 'probe');
    // A provider, because a stack without one renders an empty `required_providers {}` block.
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new S3Backend(stack, { bucket: 'b', key: 'probe/terraform.tfstate', region: 'eu-west-1' });
    configure(stack);
    return stack;
  }

  async function roundTrip(stack: TerraformStack): Promise<{ hcl: unknown; json: unknown }> {
    const rendered = await renderStack(stack, 'test');
    return hclAndJson(rendered.hcl, rendered.json);
  }

  it('fails on a plain attribute of the terraform block, which cdktf renders as `0 = "required_version"`', async () => {
    // Not even valid HCL: the parse itself is refused.
    await expect(roundTrip(stackWith((s) => s.addOverride('terraform.required_version', '>= 1.10.0')))).rejects.toThrow();
  });

  it('fails on an all-digit string in the backend block, which cdktf renders as a number', async () => {
    const { hcl, json } = await roundTrip(
      stackWith((s) => {
        const backend = s.node.findChild('backend');
        if (!(backend instanceof S3Backend)) throw new Error('no backend');
        backend.addOverride('allowed_account_ids', ['123456789012']);
      }),
    );
    expect(hcl).not.toEqual(json);
  });

  it('passes on a stack without either', async () => {
    const { hcl, json } = await roundTrip(stackWith(() => undefined));
    expect(hcl).toEqual(json);
  });
});
