import { errorCode } from "./errors.js";

/**
 * Whether a process still runs: what tells a temporary file or folder a run is writing right now
 * from one a killed run left behind. Signal 0 checks without signalling; EPERM means it exists
 * but belongs to another user.
 */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}
