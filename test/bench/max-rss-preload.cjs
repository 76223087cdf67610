// Loaded with `--require` (NODE_OPTIONS) into every Node process a benchmark run starts, the
// standard CLIs' children included: each appends its peak resident set (KiB) and the CPU time it
// used (microseconds, user and system) to the file the benchmark names, which keeps the largest
// peak and adds the CPU times. Node cannot read a finished child's rusage, and /usr/bin/time is not
// on every machine.
const { appendFileSync } = require('node:fs');

const file = process.env.GITOPS_CDK_BENCH_USAGE_FILE;
if (file)
  process.on('exit', () => {
    const usage = process.resourceUsage();
    appendFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}\n`);
  });
