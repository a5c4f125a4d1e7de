import { describe, expect, it } from 'vitest';
import { blockGrid, createRng, KernelMemory } from '../src/index.js';
import { VoxelReader } from '../src/space/voxelRead.js';
import { VOXEL_READ_KERNEL_BASE64 } from '../src/space/voxelReadKernelBytes.js';
import { loadWasmModule } from '../src/space/wasmModule.js';
import { differingBits } from './fieldBits.js';

/**
 * A site's reading written out from the definition (bilinear between the centres of the four nearest voxels, the
 * nearest alone beyond the outermost centres; float64, then float32), independently of the reader's tables.
 */
function expectedReading(voxels: Float32Array, gw: number, gh: number, v: number, x: number, y: number): number {
  const axis = (s: number, n: number): [number, number, number] => {
    const k = Math.floor(s / v);
    const p = (s - k * v + 0.5) / v - 0.5;
    const other = p < 0 ? k - 1 : k + 1;
    return p !== 0 && other >= 0 && other < n ? [k, other, Math.abs(p)] : [k, k, 0];
  };
  const [ry, oy, wy] = axis(y, gh);
  const [rx, ox, wx] = axis(x, gw);
  const between = (bx: number): number => (1 - wy) * voxels[ry * gw + bx] + wy * voxels[oy * gw + bx];
  return Math.fround((1 - wx) * between(rx) + wx * between(ox));
}

describe('VoxelReader', () => {
  it('runs in the WebAssembly kernel here (the kernel path is tested, not only the JavaScript one)', () => {
    expect(loadWasmModule(VOXEL_READ_KERNEL_BASE64)).not.toBeNull();
  });

  it('reads every site of any box as the definition does, in the kernel and in JavaScript alike', () => {
    const rng = createRng(11);
    // Sides that are and are not multiples of the voxel; boxes whose sides fall in every lane of a voxel, boxes
    // too narrow for a whole voxel, and boxes reaching the lattice's edges (where sites read their voxel alone).
    for (const [width, height, v] of [
      [101, 37, 4],
      [64, 20, 4],
      [50, 23, 3],
      [41, 17, 5],
      [9, 9, 4],
    ] as const) {
      const grid = blockGrid(width, height, v);
      const bytes =
        KernelMemory.bytes(grid.width * grid.height, 4) +
        2 * KernelMemory.bytes(width * height, 4) +
        VoxelReader.bytes(width, height, grid);
      const memory = KernelMemory.create(bytes) as KernelMemory;
      const voxels = memory.allocate(Float32Array, grid.width * grid.height);
      for (let i = 0; i < voxels.length; i++) voxels[i] = rng.uniform() * 1000 * (rng.uniform() < 0.1 ? 1e-30 : 1);
      const inKernel = memory.allocate(Float32Array, width * height);
      const inScript = memory.allocate(Float32Array, width * height);
      const kernelReader = new VoxelReader(width, height, grid, memory);
      const scriptReader = new VoxelReader(width, height, grid, null);
      const boxes = [[0, 0, width - 1, height - 1]];
      for (let k = 0; k < 40; k++) {
        const x0 = rng.integer(width);
        const y0 = rng.integer(height);
        const x1 = Math.min(width - 1, x0 + rng.integer(k < 20 ? 9 : width));
        boxes.push([x0, y0, x1, Math.min(height - 1, y0 + rng.integer(6))]);
      }
      for (const [x0, y0, x1, y1] of boxes) {
        const label = `${width}×${height}, voxel ${v}, box ${x0},${y0}–${x1},${y1}`;
        inKernel.fill(-1);
        inScript.fill(-1);
        kernelReader.read(voxels, inKernel, y0 * width + x0, width, x0, y0, x1, y1);
        scriptReader.read(voxels, inScript, y0 * width + x0, width, x0, y0, x1, y1);
        expect(differingBits(inKernel, inScript), label).toEqual([]);
        const wrong: string[] = [];
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            const inside = x >= x0 && x <= x1 && y >= y0 && y <= y1;
            const want = inside ? expectedReading(voxels, grid.width, grid.height, v, x, y) : -1;
            if (!Object.is(inKernel[y * width + x], want)) wrong.push(`(${x}, ${y})`);
          }
        }
        expect(wrong, label).toEqual([]);
      }
    }
  });
});
