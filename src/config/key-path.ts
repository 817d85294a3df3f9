/** `["layers", 1, "paths"]` → `layers[1].paths`: how messages name a place in a JSON file. */
export function keyPathText(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join("");
}
