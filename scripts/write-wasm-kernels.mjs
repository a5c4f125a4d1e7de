#!/usr/bin/env node
// Compiles the project's WebAssembly kernels (readable .wat sources) with wabt into TypeScript modules holding
// the bytes as base64, which the packages load; with --check, fails if a committed module differs from what
// its source compiles to (npm test runs the check).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import wabt from 'wabt';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Each kernel: its source, the generated module and the constant the module exports. */
const KERNELS = [
  {
    source: 'packages/engine/src/space/diffusionKernel.wat',
    target: 'packages/engine/src/space/diffusionKernelBytes.ts',
    constant: 'DIFFUSION_KERNEL_BASE64',
  },
  {
    source: 'packages/engine/src/space/voxelReadKernel.wat',
    target: 'packages/engine/src/space/voxelReadKernelBytes.ts',
    constant: 'VOXEL_READ_KERNEL_BASE64',
  },
  {
    source: 'packages/model-immune/src/tissue/agentKernel.wat',
    target: 'packages/model-immune/src/tissue/agentKernelBytes.ts',
    constant: 'AGENT_KERNEL_BASE64',
  },
  {
    source: 'packages/model-lung/src/tissue/epitheliumKernel.wat',
    target: 'packages/model-lung/src/tissue/epitheliumKernelBytes.ts',
    constant: 'EPITHELIUM_KERNEL_BASE64',
  },
  {
    source: 'packages/model-lung/src/tissue/tCellKernel.wat',
    target: 'packages/model-lung/src/tissue/tCellKernelBytes.ts',
    constant: 'T_CELL_KERNEL_BASE64',
  },
  {
    source: 'packages/model-lung/src/tissue/innateKernel.wat',
    target: 'packages/model-lung/src/tissue/innateKernelBytes.ts',
    constant: 'INNATE_KERNEL_BASE64',
  },
];
const check = process.argv.includes('--check');

/**
 * The engine's xoshiro128** step, written out where a kernel draws (the generator's four state words stay in the
 * kernel's locals $s0 … $s3, which the engine keeps in registers; a call or globals would cost loads and stores per
 * draw): r = rotl(s1·5, 7)·9; t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11).
 * A source line `;;@next $r` becomes these instructions, the output going to the local $r ($t is scratch): one
 * definition of the step for every kernel.
 */
function nextDraw(result) {
  return [
    `(local.set ${result} (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))`,
    '(local.set $t (i32.shl (local.get $s1) (i32.const 9)))',
    '(local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))',
    '(local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))',
    '(local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))',
    '(local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))',
    '(local.set $s2 (i32.xor (local.get $s2) (local.get $t)))',
    '(local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))',
  ];
}

/**
 * The engine's `uniform()` from two outputs: (r₁ >>> 5)·2^26 + (r₂ >>> 6), times 2^−53. A source line
 * `;;@uniform $u $r1 $r2` becomes two steps ({@link nextDraw}) into $r1 and $r2, then $u.
 */
function uniformDraw(u, r1, r2) {
  return [
    ...nextDraw(r1),
    ...nextDraw(r2),
    `(local.set ${u} (f64.mul (f64.add`,
    `  (f64.mul (f64.convert_i32_u (i32.shr_u (local.get ${r1}) (i32.const 5))) (f64.const 67108864))`,
    `  (f64.convert_i32_u (i32.shr_u (local.get ${r2}) (i32.const 6)))) (f64.const 0x1p-53)))`,
  ];
}

/**
 * Functions shared by kernels, from a fragment beside the kernel's source: a line `;;@include file.wat a=1 b=2`
 * becomes the fragment's text with each `{{a}}`, `{{b}}` replaced by its value (e.g. byte offsets in the kernel's
 * control block, which differ from kernel to kernel). A placeholder without a value, or a value for none, fails.
 */
function include(directory, line, file, settings) {
  const values = Object.fromEntries(
    settings
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => pair.split('=')),
  );
  const fragment = readFileSync(join(directory, file), 'utf8');
  const used = new Set();
  const text = fragment.replace(/\{\{(\w+)\}\}/g, (_, name) => {
    if (!(name in values)) throw new Error(`${line}: ${file} needs a value for {{${name}}}`);
    used.add(name);
    return values[name];
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length) throw new Error(`${line}: ${file} has no {{${unused.join('}}, {{')}}}`);
  return text.trimEnd();
}

/**
 * A kernel's source (in `directory`) with its `;;@include file.wat …`, `;;@next $r` and `;;@uniform $u $r1 $r2`
 * lines expanded.
 */
function expand(source, directory) {
  const indented = (indent, lines) => lines.map((line) => indent + line).join('\n');
  return source
    .replace(/^[ \t]*;;@include (\S+)(.*)$/gm, (line, file, settings) =>
      include(directory, line.trim(), file, settings),
    )
    .replace(/^([ \t]*);;@next (\$\w+)[ \t]*$/gm, (_, indent, r) => indented(indent, nextDraw(r)))
    .replace(/^([ \t]*);;@uniform (\$\w+) (\$\w+) (\$\w+)[ \t]*$/gm, (_, indent, u, r1, r2) =>
      indented(indent, uniformDraw(u, r1, r2)),
    );
}

const toolkit = await wabt();
let stale = 0;
for (const { source, target, constant } of KERNELS) {
  const name = basename(source);
  const module = toolkit.parseWat(name, expand(readFileSync(join(root, source), 'utf8'), dirname(join(root, source))), {
    simd: true,
  });
  module.validate();
  const { buffer } = module.toBinary({ canonicalize_lebs: true });
  module.destroy();
  const base64 = Buffer.from(buffer).toString('base64');
  const text = `// Generated by scripts/write-wasm-kernels.mjs from ${name}: do not edit (npm test checks it).

/** The WebAssembly binary of ${name} (${buffer.length} bytes), base64-encoded. */
export const ${constant} =
  '${base64}';
`;
  const path = join(root, target);
  if (check) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
      console.error(`${target} is out of date with ${name}. Run \`node scripts/write-wasm-kernels.mjs\` and commit.`);
      stale++;
    }
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${target} (${buffer.length} bytes of WebAssembly)`);
  }
}
if (stale > 0) process.exit(1);
