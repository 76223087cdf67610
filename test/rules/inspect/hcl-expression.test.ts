import { parseJsonencode } from '../../../constructs/rules/inspect/hcl-expression';

describe('parseJsonencode', () => {
  it('reads the object literal cdktf writes for Fn.jsonencode, references as ${...} strings', () => {
    const text =
      '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Effect" = "Allow", "Action" = "sts:AssumeRoleWithWebIdentity", ' +
      '"Principal" = {"Federated" = aws_iam_openid_connect_provider.gh.arn}, "Condition" = {"StringEquals" = {"x" = 1, "y" = true, "z" = null}}}]})}';
    expect(parseJsonencode(text)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRoleWithWebIdentity',
          Principal: { Federated: '${aws_iam_openid_connect_provider.gh.arn}' },
          Condition: { StringEquals: { x: 1, y: true, z: null } },
        },
      ],
    });
  });

  it('reads escapes, bare keys, colons and indexed references', () => {
    expect(parseJsonencode('${jsonencode({a: "say \\"hi\\"", b = [data.x.y[0].id, -1.5]})}')).toEqual({ a: 'say "hi"', b: ['${data.x.y[0].id}', -1.5] });
  });

  it('does not read function calls, conditionals or anything but jsonencode', () => {
    expect(parseJsonencode('${jsonencode({"a" = lower("X")})}')).toBeUndefined();
    expect(parseJsonencode('${jsonencode({"a" = var.x ? 1 : 2})}')).toBeUndefined();
    expect(parseJsonencode('${file("policy.json")}')).toBeUndefined();
    expect(parseJsonencode('${jsonencode({"a" = "unterminated})}')).toBeUndefined();
  });
});
