// Loaded with `--require` (NODE_OPTIONS) into every Node process a benchmark run starts, the
// standard CLIs' children included: each appends its peak resident set (KiB) to the file the
// benchmark names, which keeps the largest. Node cannot read a finished child's rusage, and
// /usr/bin/time is not on every machine.
const { appendFileSync } = require('node:fs');

const file = process.env.GITOPS_CDK_BENCH_RSS_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
