/**
 * The box `[x0, y0, x1, y1]` of the sites of a row-major lattice `width` wide whose value passes `test`, written out
 * from its definition (a reference for the boxes the active method keeps); `[width, height, −1, −1]` if none.
 */
export function boxWhere(values: ArrayLike<number>, width: number, test: (value: number) => boolean): number[] {
  const box = [width, values.length / width, -1, -1];
  for (let i = 0; i < values.length; i++) {
    if (!test(values[i])) continue;
    const x = i % width;
    const y = Math.floor(i / width);
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}
