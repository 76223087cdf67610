/**
 * cdktf records where each token was created: every reference, `Lazy` and intrinsic captures a
 * complete stack trace (`captureStackTrace` in cdktf/lib/tokens/private/stack-trace.js, cdktf
 * 0.21.0, with `Error.stackTraceLimit` raised to the maximum) into a plain `{ stack: "" }` object,
 * to name it in the error of a token that cannot be resolved. A stack builds thousands of them:
 * about a tenth of a fleet synth's time, for text nobody reads unless resolution fails (the app is
 * already built with `stackTraces: false` for the same reason).
 *
 * Installed by the synth command (not by the library), this skips exactly that capture: a call of
 * `Error.captureStackTrace` on a plain object whose `stack` is the empty string. Every other call,
 * on an `Error` above all, is passed on. The synthesized output does not change (the tests run
 * without it and compare with dist/).
 */
export function skipTokenCreationStacks(): void {
  const original = Error.captureStackTrace;
  if ((original as { skipsTokenStacks?: boolean }).skipsTokenStacks === true) return;
  const skipping = (target: object, constructorOpt?: Function): void => {
    if (Object.getPrototypeOf(target) === Object.prototype && (target as { stack?: unknown }).stack === '') return;
    original(target, constructorOpt);
  };
  Object.defineProperty(skipping, 'skipsTokenStacks', { value: true });
  Error.captureStackTrace = skipping;
}
