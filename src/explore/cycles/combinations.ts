/** Counting and listing the subsets of a given size, for the exhaustive search of cycle breakers. */

/** Every `size`-subset of 0..count-1, in lexicographic order. */
export function* combinations(count: number, size: number): Generator<number[]> {
  if (size > count) return;
  const chosen = Array.from({ length: size }, (_, index) => index);
  while (true) {
    yield [...chosen];
    let position = size - 1;
    while (position >= 0 && chosen[position] === count - size + position) position--;
    if (position < 0) return;
    chosen[position]!++;
    for (let next = position + 1; next < size; next++) chosen[next] = chosen[next - 1]! + 1;
  }
}

export function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}
