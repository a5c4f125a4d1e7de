/** Sorts `values[start, end)` ascending in place: insertion sort for short ranges, the typed-array sort otherwise. */
export function sortRange(values: Float64Array, start: number, end: number): void {
  if (end - start > 24) {
    values.subarray(start, end).sort();
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const x = values[i];
    let j = i - 1;
    while (j >= start && values[j] > x) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = x;
  }
}
