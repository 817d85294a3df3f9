/**
 * oxc-parser in child processes, for two reasons:
 * - **a crash costs one file, not the run.** oxc-parser 0.159's recursive descent overflows the
 *   native stack on deep enough nesting — 4,400 nested `A<` in a type, 5,900 `(`, 8,500 `a=>`,
 *   300,000 `a+` (measured on Linux's 8 MB stack; a larger stack only moves the limit) — and the
 *   process dies with SIGSEGV, which no JavaScript can catch. A child parses its texts in the
 *   order they came, so the one it died on is the oldest it had not answered: that file is
 *   answered `crashed` (TypeScript's parser reads it), and the texts queued behind it go to a
 *   new child.
 * - **the texts are parsed side by side**, while the parent reads, hashes and decodes the next
 *   files; with more than two cores, in several children.
 *
 * The children are started on the first text and kept for the process's life (a later map in
 * the same process reuses them), unreferenced while idle so they never keep it alive; each exits
 * when its parent does. Should no child start at all (no process may be forked here), every text
 * is answered `undefined`, and the caller parses it in its own process as before.
 */
import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { atProcessEnd } from "../../model/process-end.js";
import type { OxcJob, OxcReply } from "./oxc-child.js";
import type { OxcOutcome } from "./extract-oxc.js";

/** Texts sent ahead to a child, so the next is there when it finishes one. */
const IN_FLIGHT_PER_CHILD = 4;
/**
 * One child a core but the parent's (which reads, hashes and decodes the files, parses the short
 * ones, and runs TypeScript's parser on any oxc rejects), at least one; more than this gain
 * little, the parent's share becoming the bottleneck.
 */
const MAX_CHILDREN = 4;
const defaultSize = (): number => Math.max(1, Math.min(availableParallelism() - 1, MAX_CHILDREN));

interface Job extends OxcJob {
  done: (outcome: OxcOutcome | undefined) => void;
}

interface Child {
  process: ChildProcess;
  ready: boolean;
  /** Sent and not answered, oldest first: the child answers in this order. */
  inFlight: Job[];
}

export interface OxcPool {
  /** oxc's outcome for the text (`crashed` when it killed its child), or undefined: no child could start. */
  extract(path: string, text: string): Promise<OxcOutcome | undefined>;
  /** Ends the children and waits until they are gone (the CLI at its end: see closeSharedOxcPool). */
  close(): Promise<void>;
}

interface ChildEntry {
  modulePath: string;
  execArgv: string[];
}

/** @internal options for the tests */
export interface OxcPoolOptions {
  /** How many children at most (default: one a core but one, up to MAX_CHILDREN). */
  size?: number;
  /** What the children run (default: ./oxc-child); the tests give one that cannot start. */
  entry?: ChildEntry;
}

/** The child's entry: the built `.js` beside this module, or the `.ts` through tsx when running from sources (the tests). */
function childEntry(): ChildEntry {
  const built = fileURLToPath(new URL("./oxc-child.js", import.meta.url));
  if (existsSync(built)) return { modulePath: built, execArgv: [] };
  return { modulePath: fileURLToPath(new URL("./oxc-child.ts", import.meta.url)), execArgv: ["--import", "tsx"] };
}

/** @internal exported for the tests; the stage uses sharedOxcPool */
export function createOxcPool({ size = defaultSize(), entry }: OxcPoolOptions = {}): OxcPool {
  const children: Child[] = [];
  const queue: Job[] = [];
  let nextId = 0;
  /** Set when a child died before it was ready: forking does not work here. */
  let broken = false;

  const setReferenced = (child: Child, referenced: boolean): void => {
    const channel = child.process.channel;
    if (referenced) {
      child.process.ref();
      channel?.ref();
    } else {
      child.process.unref();
      channel?.unref();
    }
  };

  const start = (): Child => {
    const { modulePath, execArgv } = entry ?? childEntry();
    const child: Child = {
      process: fork(modulePath, [], { execArgv, serialization: "advanced", stdio: ["ignore", "ignore", "ignore", "ipc"] }),
      ready: false,
      inFlight: [],
    };
    child.process.on("message", (reply: OxcReply) => {
      if ("ready" in reply) child.ready = true;
      else {
        const job = child.inFlight.shift();
        job?.done(reply.outcome);
      }
      dispatch();
    });
    // "close", not "exit": every answer the child sent has been delivered by then.
    child.process.once("close", () => lost(child));
    child.process.once("error", () => child.process.kill());
    children.push(child);
    return child;
  };

  const lost = (child: Child): void => {
    if (!children.includes(child)) return;
    children.splice(children.indexOf(child), 1);
    if (!child.ready) broken = true;
    else child.inFlight.shift()?.done({ fallback: "crashed" });
    queue.unshift(...child.inFlight);
    child.inFlight = [];
    dispatch();
  };

  const dispatch = (): void => {
    if (broken) {
      for (const job of [...queue.splice(0), ...children.flatMap((child) => child.inFlight.splice(0))]) job.done(undefined);
      return;
    }
    while (queue.length > 0) {
      let child = children.reduce<Child | undefined>((best, candidate) => (best === undefined || candidate.inFlight.length < best.inFlight.length ? candidate : best), undefined);
      if (child === undefined || (child.inFlight.length > 0 && children.length < size)) child = start();
      if (child.inFlight.length >= IN_FLIGHT_PER_CHILD) break;
      const job = queue.shift()!;
      child.inFlight.push(job);
      child.process.send({ id: job.id, path: job.path, text: job.text } satisfies OxcJob);
    }
    for (const child of children) setReferenced(child, child.inFlight.length > 0);
  };

  return {
    extract(path, text) {
      return new Promise((done) => {
        queue.push({ id: nextId++, path, text, done });
        dispatch();
      });
    },
    async close() {
      const closing = children.splice(0);
      for (const job of [...queue.splice(0), ...closing.flatMap((child) => child.inFlight.splice(0))]) job.done(undefined);
      await Promise.all(
        closing.map(
          (child) =>
            new Promise<void>((closed) => {
              if (child.process.exitCode !== null || child.process.signalCode !== null) closed();
              else {
                // Referenced again: an idle child is not, and the process must wait for it. "exit",
                // not "close": the channel, unreferenced, may never report its closing.
                child.process.ref();
                child.process.once("exit", () => closed());
                child.process.disconnect();
              }
            }),
        ),
      );
    },
  };
}

let shared: OxcPool | undefined;

/**
 * The process's pool, started on first use. It is closed at the process's end (the CLI runs
 * model/process-end.ts's tasks last), so that the process's resource usage (`time`, `getrusage` of
 * its parent) counts the children's CPU too, and none is left running.
 */
export function sharedOxcPool(): OxcPool {
  if (shared === undefined) {
    const pool = createOxcPool();
    shared = pool;
    atProcessEnd(async () => {
      if (shared === pool) shared = undefined;
      await pool.close();
    });
  }
  return shared;
}
