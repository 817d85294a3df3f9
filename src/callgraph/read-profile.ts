/**
 * Reads a `.cpuprofile` (the Chrome DevTools format V8's profiler writes) and checks its shape
 * before anything trusts it: a profile comes from the analysed program's world, and a wrong file
 * must end in one clear line, not a TypeError deep in the fold.
 */
import { UserError } from "../model/errors.js";
import { printable } from "../model/printable.js";

export interface ProfileFrame {
  functionName: string;
  url: string;
  /** 0-based, -1 when unknown. */
  lineNumber: number;
  columnNumber: number;
}

export interface ProfileNode {
  id: number;
  callFrame: ProfileFrame;
  children: number[];
}

export interface CpuProfileData {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The profile in `text`, checked; `name` (the file) starts every error. */
export function readProfile(text: string, name: string): CpuProfileData {
  const shown = printable(name);
  if (text.trim() === "") throw new UserError(`${shown}: empty: expected a CPU profile (.cpuprofile, from layermap profile or Chrome DevTools)`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${shown}: not valid JSON, so not a CPU profile: ${printable((error as Error).message.replace(/\s+/g, " ").slice(0, 120))}`);
  }
  const profile = json as Partial<Record<keyof CpuProfileData, unknown>> | null;
  if (typeof profile !== "object" || profile === null || Array.isArray(profile) || !Array.isArray(profile.nodes) || !Array.isArray(profile.samples)) {
    throw new UserError(`${shown}: not a CPU profile (expected the .cpuprofile format: "nodes", "samples" and "timeDeltas")`);
  }
  if (!Array.isArray(profile.timeDeltas) || profile.timeDeltas.length !== profile.samples.length) {
    throw new UserError(`${shown}: not a CPU profile: "timeDeltas" must hold one number per sample`);
  }
  if (!isNumber(profile.startTime) || !isNumber(profile.endTime)) throw new UserError(`${shown}: not a CPU profile: "startTime" and "endTime" must be numbers`);
  const ids = new Set<number>();
  profile.nodes.forEach((node: unknown, index) => {
    const problem = nodeProblem(node);
    if (problem !== undefined) throw new UserError(`${shown}: not a CPU profile: nodes[${index}] ${problem}`);
    const { id } = node as ProfileNode;
    if (ids.has(id)) throw new UserError(`${shown}: not a CPU profile: two nodes have the id ${id}`);
    ids.add(id);
  });
  // Checked so far: each node's id and callFrame; `children` may be missing (a leaf) or anything.
  for (const node of profile.nodes as (Omit<ProfileNode, "children"> & { children?: unknown })[]) {
    node.children ??= [];
    if (!Array.isArray(node.children) || !node.children.every((child: unknown) => typeof child === "number" && ids.has(child))) {
      throw new UserError(`${shown}: not a CPU profile: node ${node.id} has children that are not nodes`);
    }
  }
  const samples = profile.samples as unknown[];
  const deltas = profile.timeDeltas as unknown[];
  for (let index = 0; index < samples.length; index++) {
    if (!ids.has(samples[index] as number)) throw new UserError(`${shown}: not a CPU profile: samples[${index}] names no node`);
    if (!isNumber(deltas[index])) throw new UserError(`${shown}: not a CPU profile: timeDeltas[${index}] is not a number`);
  }
  return profile as CpuProfileData;
}

function nodeProblem(node: unknown): string | undefined {
  if (typeof node !== "object" || node === null) return "is not an object";
  const { id, callFrame } = node as Partial<Record<keyof ProfileNode, unknown>>;
  if (!Number.isInteger(id)) return "has no numeric id";
  if (typeof callFrame !== "object" || callFrame === null) return "has no callFrame";
  const frame = callFrame as Partial<Record<keyof ProfileFrame, unknown>>;
  if (typeof frame.functionName !== "string" || typeof frame.url !== "string") return "has a callFrame without functionName and url";
  if (!isNumber(frame.lineNumber)) frame.lineNumber = -1;
  if (!isNumber(frame.columnNumber)) frame.columnNumber = -1;
  return undefined;
}

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
