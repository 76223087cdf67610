// jest `runtime`: jest's own, compiling modules through V8's code cache of the worker (code-cache.js).
// It replaces the compile step of jest's module executor, with the same arguments jest passes
// (jest-runtime's ModuleExecutor.compile); with a jest whose executor has another shape, it is jest's own.
const Runtime = require('jest-runtime').default;
const { CodeCache } = require('./code-cache');

const cache = new CodeCache();

class CodeCachingRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    const executor = this.executor;
    if (typeof executor?.compile !== 'function' || executor.environment === undefined || !Array.isArray(executor.injectedModuleParameters)) return;
    const compile = executor.compile.bind(executor);
    executor.compile = (scriptSource, filename) => {
      const vmContext = executor.environment.getVmContext();
      if (vmContext == null) return null;
      try {
        return cache.compileFunction(scriptSource, executor.injectedModuleParameters, {
          filename,
          parsingContext: vmContext,
          importModuleDynamically: (specifier, _function, importAttributes, phase) => executor.dynamicImport(specifier, filename, vmContext, importAttributes, phase),
        });
      } catch {
        // A syntax error: jest's own compile reports it as jest does.
        return compile(scriptSource, filename);
      }
    };
  }
}

module.exports = CodeCachingRuntime;
