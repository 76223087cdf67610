import { readPolicy } from '../../../constructs/rules/inspect/iam-policy';
import { dataSource, ref, resource } from '../fixtures';

describe('readPolicy', () => {
  const expected = {
    sid: 'Read',
    effect: 'Allow',
    actions: ['s3:GetObject'],
    notActions: [],
    resources: ['*'],
    principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::1:root'] }],
    conditions: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['true'] }],
  };

  it('reads IAM JSON, with single values and booleans as strings', () => {
    const json = JSON.stringify({
      Statement: {
        Sid: 'Read',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Principal: { AWS: 'arn:aws:iam::1:root' },
        Condition: { Bool: { 'aws:SecureTransport': true } },
      },
    });
    expect(readPolicy(json, [])).toEqual([expected]);
  });

  it('reads an aws_iam_policy_document through its json reference, with Allow as the default effect', () => {
    const document = dataSource('aws_iam_policy_document', 'doc', {
      statement: [
        {
          sid: 'Read',
          actions: ['s3:GetObject'],
          resources: ['*'],
          principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::1:root'] }],
          condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['true'] }],
        },
      ],
    });
    expect(readPolicy(ref(document, 'json'), [document])).toEqual([expected]);
  });

  it('merges source documents and follows a reference to another resource policy', () => {
    const base = dataSource('aws_iam_policy_document', 'base', { statement: [{ effect: 'Deny', actions: ['*'], resources: ['*'] }] });
    const document = dataSource('aws_iam_policy_document', 'doc', { source_policy_documents: [ref(base, 'json')], statement: [{ actions: ['s3:GetObject'], resources: ['*'] }] });
    const policy = resource('aws_iam_policy', 'policy', { policy: ref(document, 'json') });
    expect(readPolicy(ref(policy, 'policy'), [base, document, policy])?.map((s) => `${s.effect} ${s.actions.join(',')}`)).toEqual(['Deny *', 'Allow s3:GetObject']);
  });

  it('reads Principal "*" as everyone', () => {
    expect(readPolicy({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*' }] }, [])?.[0]?.principals).toEqual([{ type: '*', identifiers: ['*'] }]);
  });

  it('gives up on what synth cannot know: computed values, documents in other stacks, malformed JSON', () => {
    expect(readPolicy('${data.aws_iam_policy_document.elsewhere.json}', [])).toBeUndefined();
    expect(readPolicy('${file("p.json")}', [])).toBeUndefined();
    expect(readPolicy('{"Statement": [', [])).toBeUndefined();
    expect(readPolicy(undefined, [])).toBeUndefined();
    const document = dataSource('aws_iam_policy_document', 'doc', { source_policy_documents: ['${data.terraform_remote_state.x.outputs.p}'] });
    expect(readPolicy(ref(document, 'json'), [document])).toBeUndefined();
  });
});
