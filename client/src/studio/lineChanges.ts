/** How many lines one text has that the other has not: a summary of a diff, counted as multisets. */
export function lineChanges(from: string, to: string): { added: number; removed: number } {
  const count = new Map<string, number>();
  for (const line of from.split("\n")) count.set(line, (count.get(line) ?? 0) + 1);
  let added = 0;
  for (const line of to.split("\n")) {
    const left = count.get(line) ?? 0;
    if (left > 0) count.set(line, left - 1);
    else added += 1;
  }
  const removed = [...count.values()].reduce((a, b) => a + b, 0);
  return { added, removed };
}
