// The HiGHS solver in a worker thread, so a long solve (up to the time limit) never holds up the
// server's other requests. Plain JavaScript: a worker is started from a file Node runs as it is.
import { parentPort } from 'node:worker_threads';
import loadHighs from 'highs';

const highs = await loadHighs();

parentPort.on('message', ({ id, model, options }) => {
  try {
    const result = highs.solve(model, options);
    const primal = {};
    for (const [name, column] of Object.entries(result.Columns)) primal[name] = column.Primal;
    parentPort.postMessage({
      id,
      result: { status: result.Status, objective: result.ObjectiveValue, primal },
    });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
    // A failed WebAssembly instance may be left broken: end, and the next solve starts afresh.
    process.exit(1);
  }
});
