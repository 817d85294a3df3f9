/**
 * Work a process must finish before it exits — child processes to wait for — registered by the
 * stage that started it, run by whoever ends the process (the CLI, after its command). Kept here,
 * in the bottom layer, so the CLI need not reach into a stage, nor load one a run did not use.
 */
const tasks = new Set<() => Promise<void>>();

/** Registers `task` to run once at the process's end (a task registered twice runs once). */
export function atProcessEnd(task: () => Promise<void>): void {
  tasks.add(task);
}

/** Runs every registered task, side by side, and forgets them. */
export async function finishProcessEnd(): Promise<void> {
  const running = [...tasks].map((task) => task());
  tasks.clear();
  await Promise.all(running);
}
