// V8's code cache for the modules a jest worker compiles, kept for the worker's life: jest gives
// every test file a fresh module registry, so each file compiled cdktf, cdk8s, the providers and the
// project again from source (most of the 0.5 to 0.7 s a file paid to load them). The cache changes
// how fast a module compiles, never what runs: an entry is used only for the same file with the
// very same source text, and V8 checks its data against the source again (rejecting data that does
// not fit, which then compiles from source).
const vm = require('node:vm');

/** One cache per worker: file name -> the source it was compiled from and V8's data for it. */
class CodeCache {
  constructor() {
    this.entries = new Map();
    this.hits = 0;
  }

  /** `vm.compileFunction(source, params, options)`, from the data kept for `options.filename` when its source is the same. */
  compileFunction(source, params, options) {
    const kept = this.entries.get(options.filename);
    const usable = kept !== undefined && kept.source === source ? kept.data : undefined;
    const fn = vm.compileFunction(source, params, usable === undefined ? { ...options, produceCachedData: true } : { ...options, cachedData: usable });
    if (usable !== undefined && !fn.cachedDataRejected) this.hits += 1;
    else if (fn.cachedData !== undefined) this.entries.set(options.filename, { source, data: fn.cachedData });
    return fn;
  }
}

module.exports = { CodeCache };
