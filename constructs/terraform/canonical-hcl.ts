/**
 * What `terraform fmt` changes that `@cdktf/hcl-tools`' formatter leaves alone, applied to the
 * formatted HCL of a stack:
 * - interpolation-only strings (`"${aws_s3_bucket.b.id}"`) become bare expressions, as Terraform
 *   has written them since 0.12 and `terraform fmt` rewrites them;
 * - `depends_on` and `lifecycle.ignore_changes` entries and `provider` meta-arguments become
 *   references instead of quoted strings (quoted references are deprecated and warned about by
 *   every Terraform 1.x);
 * - the file ends with one newline.
 * Heredoc bodies are never touched: their text is data (a policy, a script), not expressions.
 */
export function canonicalHcl(hcl: string): string {
  const out: string[] = [];
  let heredocEnd: string | undefined;
  let inReferenceList = false;
  for (const line of hcl.split('\n')) {
    if (heredocEnd !== undefined) {
      out.push(line);
      if (line.trim() === heredocEnd) heredocEnd = undefined;
      continue;
    }
    const heredoc = /<<-?([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(line);
    if (heredoc) heredocEnd = heredoc[1];
    if (/^\s*(depends_on|ignore_changes)\s*=\s*\[\s*$/.test(line)) inReferenceList = true;
    else if (inReferenceList && /^\s*\]/.test(line)) inReferenceList = false;

    if (inReferenceList) out.push(line.replace(/^(\s*)"([A-Za-z0-9_.[\]-]+)"(,?)\s*$/, '$1$2$3'));
    // The expression may hold quoted strings (function arguments), but no braces or nested interpolation.
    else out.push(line.replace(/"\$\{((?:[^"{}$]|"[^"{}$]*")+)\}"/g, '$1').replace(/^(\s*provider\s*=\s*)"([a-z0-9_-]+\.[A-Za-z0-9_-]+)"\s*$/, '$1$2'));
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
