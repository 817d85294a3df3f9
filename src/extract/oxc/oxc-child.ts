/**
 * A child process of the oxc pool (./oxc-pool.ts): it parses the texts it is sent, one at a time
 * in the order they come, and sends back each outcome. Should oxc-parser kill it (a native stack
 * overflow), the pool knows the file from that order. When its parent goes, the channel closes
 * and nothing keeps it running.
 */
import { extractWithOxc, type OxcOutcome } from "./extract-oxc.js";

export interface OxcJob {
  id: number;
  path: string;
  text: string;
}

export type OxcReply = { ready: true } | { id: number; outcome: OxcOutcome };

function answer(job: OxcJob): OxcOutcome {
  try {
    return extractWithOxc(job.path, job.text);
  } catch {
    // Anything oxc throws is a rejection: TypeScript's parser reads the file.
    return { fallback: "syntax-error" };
  }
}

const send = (reply: OxcReply): void => {
  process.send?.(reply);
};

process.on("message", (job: OxcJob) => {
  send({ id: job.id, outcome: answer(job) });
});
send({ ready: true });
