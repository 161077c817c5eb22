import { Worker } from 'node:worker_threads';

/** What HiGHS answered: its status, the objective and each variable's value. */
export type SolverAnswer = { status: string; objective: number; primal: Record<string, number> };

/** Too many proposals are being worked out already: the caller says "try again shortly". */
export class SolverBusy extends Error {
  constructor() {
    super('The planner is busy with other proposals');
  }
}

type Pending = {
  id: number;
  model: string;
  options: Record<string, unknown>;
  resolve: (answer: SolverAnswer) => void;
  reject: (error: Error) => void;
};

/** How many solves may wait behind the running one before new ones are turned away. */
const maxWaiting = 8;

let worker: Worker | null = null;
let running: Pending | null = null;
const waiting: Pending[] = [];
let nextId = 1;

function startNext(): void {
  if (running || waiting.length === 0) return;
  running = waiting.shift()!;
  if (!worker) {
    worker = new Worker(new URL('./highs-worker.mjs', import.meta.url));
    worker.on('message', (message: { id: number; result?: SolverAnswer; error?: string }) => {
      const done = running;
      running = null;
      if (done && done.id === message.id) {
        if (message.result) done.resolve(message.result);
        else done.reject(new Error(`Solver failed: ${message.error}`));
      }
      worker?.unref();
      startNext();
    });
    worker.on('exit', () => {
      worker = null;
      const lost = running;
      running = null;
      lost?.reject(new Error('The solver stopped'));
      startNext();
    });
  }
  // Held only while it works: an idle solver thread never keeps a process from ending.
  worker.ref();
  worker.postMessage({ id: running.id, model: running.model, options: running.options });
}

/** Starts the solver thread with a trivial model, so the first real proposal does not wait for it. */
export async function warmSolver(): Promise<void> {
  if (worker) return;
  await solveInThread('Maximize\n obj: x\nSubject To\n c: x <= 1\nEnd', {}).catch(() => undefined);
}

/** Solves one LP-format model in the solver thread, one model at a time, in the order asked. */
export function solveInThread(
  model: string,
  options: Record<string, unknown>,
): Promise<SolverAnswer> {
  if (waiting.length >= maxWaiting) return Promise.reject(new SolverBusy());
  return new Promise((resolve, reject) => {
    waiting.push({ id: nextId++, model, options, resolve, reject });
    startNext();
  });
}
