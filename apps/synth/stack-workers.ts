import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { EnvironmentSpec } from '../../environments/types';
import type { RenderedStackUnit } from './render-stacks';

/** Marks the worker threads of the synth, so that its entry knows to serve rather than run. */
const WORKER_KIND = 'gitops-cdk-stack-worker';

/** Fewer stacks than this are rendered in the synth's own thread: starting a worker (loading cdktf and the providers) costs more. */
export const STACKS_PER_WORKER = 24;

interface StackJob {
  readonly id: number;
  readonly spec: EnvironmentSpec;
  readonly names: readonly string[];
  readonly record: boolean;
}

type JobAnswer = { readonly id: number; readonly rendered: RenderedStackUnit[] } | { readonly id: number; readonly error: string };

/** Whether this thread is a stack worker (started by `StackWorkerPool`). */
export function isStackWorker(): boolean {
  return !isMainThread && (workerData as { kind?: unknown } | null)?.kind === WORKER_KIND;
}

/**
 * The body of a stack worker: renders the stacks each job names and answers with them as data.
 * Called by the synth's entry (apps/synth.ts) when `isStackWorker()`; the pool runs the same
 * bundle in each worker.
 */
export function serveStackJobs(): void {
  // Loaded on the first job, not imported: the synth's entry imports this module, and `--help`
  // must answer before cdktf and the providers load.
  const rendering = import('./render-stacks');
  parentPort?.on('message', (job: StackJob) => {
    rendering
      .then(({ renderStacks }) => renderStacks(job.spec, job.names, job.record))
      .then(
        (rendered) => parentPort?.postMessage({ id: job.id, rendered } satisfies JobAnswer),
        (error: unknown) => parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies JobAnswer),
      );
  });
}

/**
 * Worker threads that render Terraform stacks in parallel with the synth's own thread (which
 * builds the Kubernetes side and runs the rules meanwhile). Each worker runs the synth's bundle
 * (`script`), started on first use. The stacks of a job are split into one contiguous share per
 * worker, in apply order, and the answers are put back in that order: the output is the same as
 * rendering them in one thread.
 */
export class StackWorkerPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (rendered: RenderedStackUnit[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  /**
   * @param script the synth bundle each worker runs (its entry serves jobs in a worker thread)
   * @param size at most this many workers
   * @param stacksPerWorker a worker is started for every this many stacks to render, not fewer
   */
  constructor(
    private readonly script: string,
    readonly size: number,
    private readonly stacksPerWorker: number = STACKS_PER_WORKER,
  ) {}

  /** How many workers `count` stacks are worth: none below `stacksPerWorker`. */
  workersFor(count: number): number {
    return Math.min(this.size, Math.floor(count / this.stacksPerWorker));
  }

  /** Renders the stacks `names` of `spec` over `workersFor(names.length)` workers. */
  async render(spec: EnvironmentSpec, names: readonly string[], record: boolean): Promise<RenderedStackUnit[]> {
    const count = Math.max(1, this.workersFor(names.length));
    const share = Math.ceil(names.length / count);
    const shares = Array.from({ length: count }, (_, i) => names.slice(i * share, (i + 1) * share)).filter((s) => s.length > 0);
    const answers = await Promise.all(shares.map((part, i) => this.ask(i, { spec, names: part, record })));
    return answers.flat();
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers.length = 0;
  }

  private ask(index: number, job: Omit<StackJob, 'id'>): Promise<RenderedStackUnit[]> {
    const id = this.nextId++;
    const worker = this.worker(index);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...job } satisfies StackJob);
    });
  }

  private worker(index: number): Worker {
    const existing = this.workers[index];
    if (existing !== undefined) return existing;
    const worker = new Worker(this.script, { workerData: { kind: WORKER_KIND } });
    worker.on('message', (answer: JobAnswer) => {
      const waiting = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if (waiting === undefined) return;
      if ('error' in answer) waiting.reject(new Error(answer.error));
      else waiting.resolve(answer.rendered);
    });
    worker.on('error', (error) => {
      for (const [id, waiting] of this.waiting) {
        this.waiting.delete(id);
        waiting.reject(error);
      }
    });
    this.workers[index] = worker;
    return worker;
  }
}
