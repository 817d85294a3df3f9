/**
 * `["layers", 1, "paths"]` → `layers[1].paths`: how messages name a place in a JSON file. A key
 * that is not a plain name (an alias such as `@/*`) is written in brackets as JSON writes it,
 * `aliases["@/*"]`, so that no character of it is printed raw.
 */
export function keyPathText(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => {
      if (typeof part === "number") return `[${part}]`;
      const name = String(part);
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) return `[${JSON.stringify(name)}]`;
      return index === 0 ? name : `.${name}`;
    })
    .join("");
}
