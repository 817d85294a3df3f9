/**
 * Mapping is one long loop of synchronous work (read, parse, resolve) between awaits that never
 * reach the event loop, so a signal handler (Ctrl-C) would wait for the whole run. A long loop
 * calls the function this returns once per step: every `intervalMs` it hands back a promise that
 * lets the event loop run; otherwise undefined, at the cost of one clock read.
 */
export function eventLoopBreaks(intervalMs = 50): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < intervalMs) return undefined;
    last = now;
    return new Promise((resolve) => setImmediate(resolve));
  };
}
