;; Implicit locally-one-dimensional diffusion step (backward Euler: an x sweep, then a y sweep, each a Thomas
;; tridiagonal solve with precomputed float32 factors) on a Float32 field in float32 arithmetic (f32x4: four
;; sites per instruction, no conversions), with optional decay. It is the SIMD twin of the JavaScript
;; `implicitStepFloat32` (diffusionFloat32.ts) and must stay bit-identical to it: every operation is one float32
;; + or ×, in the same order as the JavaScript. No fused multiply–add, no reassociation.
;;
;; Every value the y sweep stores (and, for a single row, the final value) is flushed to +0 if it is below the
;; floor in magnitude — the smallest normal float32 (2^−126), or a model's larger floor — given by the floor's
;; bits $floor: `v & (|v| as i32 > $floor − 1)`, one integer compare (positive floats order as their bits), so
;; NaN is kept and −0 becomes +0. Arithmetic on subnormals costs some hundred cycles per instruction on common x86
;; cores, and decaying fields and the far tails of diffusing ones pass through that range; flushing once per
;; sweep pair keeps subnormals out of the field between steps at a quarter of the cost of flushing every
;; store. The x sweep's forward recurrence is flushed below the x floor given by $xfloor's bits (none with 0;
;; the caller's `xFloor`, far below a model's floor, 0 without one), as the JavaScript's is: its tails end there.
;; The backward recurrence is not flushed; its stored values are flushed below the x floor too, which changes no
;; value the y sweep stores:
;; with the y floor F, D·dt = r, the decay factor f ≤ 1 and every my ≤ 1, an x value u below an x floor X ≤ F
;; and ≤ r·F·2^−27 (the caller's `xFloorBits`: a power of two, at least 2^−126) read by the y elimination
;; either meets a row above that is 0, and then (u·f)·my stays below X ≤ F and is flushed to 0 as 0 would be,
;; or a row above of at least F, and then u·f is less than a quarter of an ulp of r·above and the sum is
;; r·above, as with 0.
;;
;; Compiled by scripts/write-wasm-kernels.mjs into diffusionKernelBytes.ts. The memory is imported (each
;; caller gives its instance a memory of fixed size, so views of it are never detached by growth). Layout
;; (byte offsets chosen by the caller): the field (float32, row-major, width w, height h), the factors mx, gx
;; (float32, w each) and my, gy (float32, h each), and a scratch area of 64·w + 128 bytes: the addresses of
;; the 16 rows of an x sweep (64 bytes), the four recurrences' current values (64 bytes), then the forward
;; values of the x sweep (64 bytes per column: four blocks of four rows).
;;
;; The operations, with f the decay factor (1 without decay) and flush(·) as above:
;;   x sweep, per row (w > 1), p = n = 0 first:
;;     forward  p = xflush((u[i] + r·p)·mx[i]), u[i] = p       for i = 0 … w−1 (from the caller's first column
;;              of values that are not 0: p is 0 before it; xflush: to +0 below the x floor)
;;     backward n = u[i] + gx[i]·n, u[i] = n                   for i = w−1 … 0
;;   y sweep, per column (h > 1): row 0 u = flush((u·f)·my[0]); row k ≥ 1 u = flush((u·f + r·above)·my[k]);
;;     then from row h−2 up u = flush(u + gy[k]·below) (skipping the columns the x sweep left all 0: they stay 0)
;;   a single row (h = 1): u = flush((u·f)·1).
;; (the x sweep's stored u[i] = n flushed below the x floor, the recurrence going on with n as computed).
(module
  (import "env" "memory" (memory 1))

  ;; The byte offsets [$colFrom, $colTo) within a row of the columns where the x sweeps of this step may have
  ;; stored a value that is not 0 (a superset: whole chunks of four columns, −0 counted, the columns past the
  ;; last multiple of four always). The y sweep runs over those columns only: it treats each column alone, and a
  ;; column that is all 0 stays all 0 in it (0·f + r·0 and 0 + g·0 are 0, flushed or not), so the columns it
  ;; skips hold what it would have stored. Where a floor flushes the x sweep's tails (above), this keeps the y
  ;; sweep near the field's region instead of the whole width.
  (global $colFrom (mut i32) (i32.const 0))
  (global $colTo (mut i32) (i32.const 0))

  ;; x sweep of 16 rows (rows past the last repeat it: every row is read in full before any is written, and
  ;; repeated rows compute and store identical values), as four blocks of four rows. Four columns at a time:
  ;; each block's 4×4 tile is transposed so that one f32x4 holds a column of the block (a site of each row),
  ;; the four blocks being independent recurrences that hide each other's latency. Columns beyond the last
  ;; multiple of four go one at a time (lane loads and stores).
  (func $sweepRowsX (param $field i32) (param $stride i32) (param $base i32) (param $last i32) (param $w i32)
    (param $rr v128) (param $mx i32) (param $gx i32) (param $s i32) (param $xlo v128) (param $fwdFrom i32)
    (param $leftTo i32)
    (local $dstart i32) (local $h0 v128) (local $h1 v128) (local $h2 v128) (local $h3 v128)
    (local $k i32) (local $b i32) (local $o i32) (local $q i32) (local $end i32) (local $end4 i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128) (local $p v128) (local $abs v128)
    (local.set $abs (v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff))
    ;; Row addresses, and the recurrences' starting values (0).
    (loop $rows
      (local.set $q (i32.add (local.get $base) (local.get $k)))
      (if (i32.gt_u (local.get $q) (local.get $last)) (then (local.set $q (local.get $last))))
      (i32.store (i32.add (local.get $s) (i32.shl (local.get $k) (i32.const 2)))
        (i32.add (local.get $field) (i32.mul (local.get $q) (local.get $stride))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $rows (i32.lt_u (local.get $k) (i32.const 16))))
    (call $zeroChains (local.get $s))
    (local.set $end (i32.shl (local.get $w) (i32.const 2)))
    (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
    (local.set $dstart (i32.const 0x7fffffff))
    ;; Left of the chunk of $leftTo the inputs are 0, so p stays 0: the forward starts there (the caller has
    ;; set the scratch's forward values left of it to 0, which the backward may read).
    (local.set $o (i32.and (local.get $leftTo) (i32.const -16)))

    ;; Forward, four columns at a time ($o: byte offset of the first column in a row and in mx; $q: the
    ;; scratch address of that column's value of this block).
    (block $done
      (loop $chunks
        (br_if $done (i32.ge_u (local.get $o) (local.get $end4)))
        (local.set $h0 (v128.load offset=64 (local.get $s)))
        (local.set $h1 (v128.load offset=80 (local.get $s)))
        (local.set $h2 (v128.load offset=96 (local.get $s)))
        (local.set $h3 (v128.load offset=112 (local.get $s)))
        (local.set $b (i32.const 0))
        (loop $blocks
          (local.set $a0 (i32.add (i32.load offset=0 (i32.add (local.get $s) (local.get $b))) (local.get $o)))
          (local.set $a1 (i32.add (i32.load offset=4 (i32.add (local.get $s) (local.get $b))) (local.get $o)))
          (local.set $a2 (i32.add (i32.load offset=8 (i32.add (local.get $s) (local.get $b))) (local.get $o)))
          (local.set $a3 (i32.add (i32.load offset=12 (i32.add (local.get $s) (local.get $b))) (local.get $o)))
          (local.set $x0 (v128.load (local.get $a0)))
          (local.set $x1 (v128.load (local.get $a1)))
          (local.set $x2 (v128.load (local.get $a2)))
          (local.set $x3 (v128.load (local.get $a3)))
          (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x0) (local.get $x1)))
          (local.set $t1 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x2) (local.get $x3)))
          (local.set $t2 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x0) (local.get $x1)))
          (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x2) (local.get $x3)))
          (local.set $q (i32.add (i32.add (local.get $s) (i32.const 128))
            (i32.add (i32.shl (local.get $o) (i32.const 4)) (local.get $b))))
          (local.set $p (v128.load offset=64 (i32.add (local.get $s) (local.get $b))))
          (local.set $p (f32x4.mul (f32x4.add
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t1))
            (f32x4.mul (local.get $rr) (local.get $p)))
            (v128.load32_splat offset=0 (i32.add (local.get $mx) (local.get $o)))))
          (local.set $p (v128.and (local.get $p) (i32x4.gt_s (v128.and (local.get $p) (local.get $abs)) (local.get $xlo))))
          (v128.store offset=0 (local.get $q) (local.get $p))
          (local.set $p (f32x4.mul (f32x4.add
            (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t1))
            (f32x4.mul (local.get $rr) (local.get $p)))
            (v128.load32_splat offset=4 (i32.add (local.get $mx) (local.get $o)))))
          (local.set $p (v128.and (local.get $p) (i32x4.gt_s (v128.and (local.get $p) (local.get $abs)) (local.get $xlo))))
          (v128.store offset=64 (local.get $q) (local.get $p))
          (local.set $p (f32x4.mul (f32x4.add
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t2) (local.get $t3))
            (f32x4.mul (local.get $rr) (local.get $p)))
            (v128.load32_splat offset=8 (i32.add (local.get $mx) (local.get $o)))))
          (local.set $p (v128.and (local.get $p) (i32x4.gt_s (v128.and (local.get $p) (local.get $abs)) (local.get $xlo))))
          (v128.store offset=128 (local.get $q) (local.get $p))
          (local.set $p (f32x4.mul (f32x4.add
            (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t2) (local.get $t3))
            (f32x4.mul (local.get $rr) (local.get $p)))
            (v128.load32_splat offset=12 (i32.add (local.get $mx) (local.get $o)))))
          (local.set $p (v128.and (local.get $p) (i32x4.gt_s (v128.and (local.get $p) (local.get $abs)) (local.get $xlo))))
          (v128.store offset=192 (local.get $q) (local.get $p))
          (v128.store offset=64 (i32.add (local.get $s) (local.get $b)) (local.get $p))
          (local.set $b (i32.add (local.get $b) (i32.const 16)))
          (br_if $blocks (i32.lt_u (local.get $b) (i32.const 64))))
        ;; A constant run: past the last input that is not 0 and where mx is constant up to column w − 2
        ;; ($fwdFrom), p = (0 + r·p)·mx is one monotone map, so a chunk that leaves every recurrence as it found
        ;; it held the same p at each of its columns, and so will every column up to w − 2: their values are
        ;; written to the scratch without arithmetic (p there is a subnormal the map rounds back to itself) and
        ;; the sweep goes on at the last whole chunk, the run starting at $dstart.
        (if (i32.and (i32.ge_u (local.get $o) (local.get $fwdFrom))
              (i32.lt_u (i32.add (local.get $o) (i32.const 32)) (local.get $end4)))
          (then
            (if (call $sameChains (local.get $s) (local.get $h0) (local.get $h1) (local.get $h2) (local.get $h3))
              (then
                (local.set $dstart (local.get $o))
                (call $fillChains (local.get $s) (i32.add (local.get $o) (i32.const 16))
                  (i32.sub (local.get $end4) (i32.const 16)))
                (local.set $o (i32.sub (local.get $end4) (i32.const 32)))))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $chunks)))
    ;; Forward, the columns left over one at a time.
    (block $done
      (loop $columns
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (local.set $b (i32.const 0))
        (loop $blocks
          (local.set $q (i32.add (local.get $s) (local.get $b)))
          (local.set $p (f32x4.mul (f32x4.add
            (v128.load32_lane 3 (i32.add (i32.load offset=12 (local.get $q)) (local.get $o))
              (v128.load32_lane 2 (i32.add (i32.load offset=8 (local.get $q)) (local.get $o))
                (v128.load32_lane 1 (i32.add (i32.load offset=4 (local.get $q)) (local.get $o))
                  (v128.load32_zero (i32.add (i32.load offset=0 (local.get $q)) (local.get $o))))))
            (f32x4.mul (local.get $rr) (v128.load offset=64 (local.get $q))))
            (v128.load32_splat (i32.add (local.get $mx) (local.get $o)))))
          (local.set $p (v128.and (local.get $p) (i32x4.gt_s (v128.and (local.get $p) (local.get $abs)) (local.get $xlo))))
          (v128.store offset=64 (local.get $q) (local.get $p))
          (v128.store offset=128 (i32.add (local.get $q) (i32.shl (local.get $o) (i32.const 4))) (local.get $p))
          (local.set $b (i32.add (local.get $b) (i32.const 16)))
          (br_if $blocks (i32.lt_u (local.get $b) (i32.const 64))))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (br $columns)))

    ;; Backward, the columns left over one at a time, from the last.
    (call $zeroChains (local.get $s))
    (block $done
      (loop $columns
        (br_if $done (i32.le_u (local.get $o) (local.get $end4)))
        (local.set $o (i32.sub (local.get $o) (i32.const 4)))
        (local.set $b (i32.const 0))
        (loop $blocks
          (local.set $q (i32.add (local.get $s) (local.get $b)))
          (local.set $p (f32x4.add
            (v128.load offset=128 (i32.add (local.get $q) (i32.shl (local.get $o) (i32.const 4))))
            (f32x4.mul (v128.load32_splat (i32.add (local.get $gx) (local.get $o)))
              (v128.load offset=64 (local.get $q)))))
          (v128.store offset=64 (local.get $q) (local.get $p))
          (call $noteColumns (local.get $o) (i32.const 4))
          (v128.store32_lane 0 (i32.add (i32.load offset=0 (local.get $q)) (local.get $o)) (local.get $p))
          (v128.store32_lane 1 (i32.add (i32.load offset=4 (local.get $q)) (local.get $o)) (local.get $p))
          (v128.store32_lane 2 (i32.add (i32.load offset=8 (local.get $q)) (local.get $o)) (local.get $p))
          (v128.store32_lane 3 (i32.add (i32.load offset=12 (local.get $q)) (local.get $o)) (local.get $p))
          (local.set $b (i32.add (local.get $b) (i32.const 16)))
          (br_if $blocks (i32.lt_u (local.get $b) (i32.const 64))))
        (br $columns)))
    ;; Backward, four columns at a time, each block's four column values transposed back into its rows.
    (block $done
      (loop $chunks
        (br_if $done (i32.eqz (local.get $o)))
        (local.set $o (i32.sub (local.get $o) (i32.const 16)))
        (local.set $h0 (v128.load offset=64 (local.get $s)))
        (local.set $h1 (v128.load offset=80 (local.get $s)))
        (local.set $h2 (v128.load offset=96 (local.get $s)))
        (local.set $h3 (v128.load offset=112 (local.get $s)))
        (local.set $b (i32.const 0))
        (loop $blocks
          (local.set $q (i32.add (i32.add (local.get $s) (i32.const 128))
            (i32.add (i32.shl (local.get $o) (i32.const 4)) (local.get $b))))
          (local.set $x3 (f32x4.add (v128.load offset=192 (local.get $q))
            (f32x4.mul (v128.load32_splat offset=12 (i32.add (local.get $gx) (local.get $o)))
              (v128.load offset=64 (i32.add (local.get $s) (local.get $b))))))
          (local.set $x2 (f32x4.add (v128.load offset=128 (local.get $q))
            (f32x4.mul (v128.load32_splat offset=8 (i32.add (local.get $gx) (local.get $o))) (local.get $x3))))
          (local.set $x1 (f32x4.add (v128.load offset=64 (local.get $q))
            (f32x4.mul (v128.load32_splat offset=4 (i32.add (local.get $gx) (local.get $o))) (local.get $x2))))
          (local.set $x0 (f32x4.add (v128.load offset=0 (local.get $q))
            (f32x4.mul (v128.load32_splat offset=0 (i32.add (local.get $gx) (local.get $o))) (local.get $x1))))
          (v128.store offset=64 (i32.add (local.get $s) (local.get $b)) (local.get $x0))
          ;; The stored values flushed below the x floor (the recurrence went on with the values as computed).
          (local.set $x0 (v128.and (local.get $x0) (i32x4.gt_s (v128.and (local.get $x0) (local.get $abs)) (local.get $xlo))))
          (local.set $x1 (v128.and (local.get $x1) (i32x4.gt_s (v128.and (local.get $x1) (local.get $abs)) (local.get $xlo))))
          (local.set $x2 (v128.and (local.get $x2) (i32x4.gt_s (v128.and (local.get $x2) (local.get $abs)) (local.get $xlo))))
          (local.set $x3 (v128.and (local.get $x3) (i32x4.gt_s (v128.and (local.get $x3) (local.get $abs)) (local.get $xlo))))
          (if (v128.any_true (v128.or (v128.or (local.get $x0) (local.get $x1)) (v128.or (local.get $x2) (local.get $x3))))
            (then (call $noteColumns (local.get $o) (i32.const 16))))
          (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x0) (local.get $x1)))
          (local.set $t1 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x2) (local.get $x3)))
          (local.set $t2 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x0) (local.get $x1)))
          (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x2) (local.get $x3)))
          (local.set $q (i32.add (local.get $s) (local.get $b)))
          (v128.store (i32.add (i32.load offset=0 (local.get $q)) (local.get $o))
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t1)))
          (v128.store (i32.add (i32.load offset=4 (local.get $q)) (local.get $o))
            (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t1)))
          (v128.store (i32.add (i32.load offset=8 (local.get $q)) (local.get $o))
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t2) (local.get $t3)))
          (v128.store (i32.add (i32.load offset=12 (local.get $q)) (local.get $o))
            (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t2) (local.get $t3)))
          (local.set $b (i32.add (local.get $b) (i32.const 16)))
          (br_if $blocks (i32.lt_u (local.get $b) (i32.const 64))))
        ;; Where every recurrence is below the x floor (never without one: $xlo is then −1), the columns left
        ;; store values below it too, so 0, in two cases. Left of the first input that is not 0 ($leftTo), p
        ;; was 0 and n = g·n only shrinks: all 0 from here. In the forward constant run, p and g are constant,
        ;; n = p + g·n is one monotone map, so a chunk that leaves every recurrence as it found it held the same
        ;; n at each column, and so does every column down to the run's start: 0 there, and the sweep goes on
        ;; from the run's start with the same recurrences. Both lie outside the columns of the field's values
        ;; that are not 0 (left of $leftTo, right of $fwdFrom), so the row holds 0 there already: not stored.
        (if (call $chainsBelow (local.get $s) (local.get $xlo))
          (then
            (if (i32.le_u (local.get $o) (local.get $leftTo)) (then (br $done)))
            (if (i32.and (i32.ge_u (local.get $o) (local.get $dstart))
                  (i32.le_u (i32.add (local.get $o) (i32.const 16)) (i32.sub (local.get $end4) (i32.const 16))))
              (then
                (if (call $sameChains (local.get $s) (local.get $h0) (local.get $h1) (local.get $h2) (local.get $h3))
                  (then (local.set $o (local.get $dstart))))))))
        (br $chunks))))

  ;; Widens [$colFrom, $colTo) over the $bytes bytes of columns from byte offset $o.
  (func $noteColumns (param $o i32) (param $bytes i32)
    (if (i32.lt_u (local.get $o) (global.get $colFrom)) (then (global.set $colFrom (local.get $o))))
    (if (i32.gt_u (i32.add (local.get $o) (local.get $bytes)) (global.get $colTo))
      (then (global.set $colTo (i32.add (local.get $o) (local.get $bytes))))))

  ;; Whether the four recurrences' values (scratch bytes 64 … 127) have the bits of $h0 … $h3.
  (func $sameChains (param $s i32) (param $h0 v128) (param $h1 v128) (param $h2 v128) (param $h3 v128)
    (result i32)
    (i32x4.all_true (v128.and
      (v128.and (i32x4.eq (v128.load offset=64 (local.get $s)) (local.get $h0))
        (i32x4.eq (v128.load offset=80 (local.get $s)) (local.get $h1)))
      (v128.and (i32x4.eq (v128.load offset=96 (local.get $s)) (local.get $h2))
        (i32x4.eq (v128.load offset=112 (local.get $s)) (local.get $h3))))))

  ;; Whether every one of the four recurrences' values is below the x floor ($xlo: its bits − 1; −1: none is).
  (func $chainsBelow (param $s i32) (param $xlo v128) (result i32)
    (local $k i32) (local $any v128)
    (loop $chains
      (local.set $any (v128.or (local.get $any) (i32x4.gt_s
        (v128.and (v128.load offset=64 (i32.add (local.get $s) (local.get $k)))
          (v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff))
        (local.get $xlo))))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br_if $chains (i32.lt_u (local.get $k) (i32.const 64))))
    (i32.eqz (v128.any_true (local.get $any))))

  ;; The forward values of the chunks at byte offsets $from … $to − 16 (multiples of 16) set to the four
  ;; recurrences' values, for each of their four columns.
  (func $fillChains (param $s i32) (param $from i32) (param $to i32)
    (local $o i32) (local $q i32) (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local.set $c0 (v128.load offset=64 (local.get $s)))
    (local.set $c1 (v128.load offset=80 (local.get $s)))
    (local.set $c2 (v128.load offset=96 (local.get $s)))
    (local.set $c3 (v128.load offset=112 (local.get $s)))
    (local.set $o (local.get $from))
    (block $done
      (loop $columns
        (br_if $done (i32.ge_u (local.get $o) (local.get $to)))
        (local.set $q (i32.add (i32.add (local.get $s) (i32.const 128)) (i32.shl (local.get $o) (i32.const 4))))
        (v128.store offset=0 (local.get $q) (local.get $c0))
        (v128.store offset=16 (local.get $q) (local.get $c1))
        (v128.store offset=32 (local.get $q) (local.get $c2))
        (v128.store offset=48 (local.get $q) (local.get $c3))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (br $columns))))

  ;; The four recurrences' values (scratch bytes 64 … 127) set to 0.
  (func $zeroChains (param $s i32)
    (v128.store offset=64 (local.get $s) (v128.const i64x2 0 0))
    (v128.store offset=80 (local.get $s) (v128.const i64x2 0 0))
    (v128.store offset=96 (local.get $s) (v128.const i64x2 0 0))
    (v128.store offset=112 (local.get $s) (v128.const i64x2 0 0)))

  ;; y sweep, forward elimination of one row k ≥ 1 against the row above, with the decay factor f (1 without
  ;; decay) applied to each value as it is read: u = (u·f + r·above)·my[k]. Eight columns per loop turn (two
  ;; f32x4), then the columns left over one at a time ($o: byte offset of the column).
  (func $eliminateRowY (param $row i32) (param $above i32) (param $w i32) (param $rr v128) (param $m v128)
    (param $f v128) (param $lo v128)
    (local $o i32) (local $end4 i32) (local $end i32) (local $x v128) (local $abs v128)
    (local.set $abs (v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff))
    (local.set $end (i32.shl (local.get $w) (i32.const 2)))
    (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
    (block $done
      (loop $columns
        (br_if $done (i32.gt_u (i32.add (local.get $o) (i32.const 32)) (local.get $end4)))
        (v128.store (i32.add (local.get $row) (local.get $o))
          (v128.and
            (local.tee $x (f32x4.mul (f32x4.add (f32x4.mul (v128.load (i32.add (local.get $row) (local.get $o))) (local.get $f))
              (f32x4.mul (local.get $rr) (v128.load (i32.add (local.get $above) (local.get $o))))) (local.get $m)))
            (i32x4.gt_s (v128.and (local.get $x) (local.get $abs)) (local.get $lo))))
        (v128.store offset=16 (i32.add (local.get $row) (local.get $o))
          (v128.and
            (local.tee $x (f32x4.mul (f32x4.add (f32x4.mul (v128.load offset=16 (i32.add (local.get $row) (local.get $o))) (local.get $f))
              (f32x4.mul (local.get $rr) (v128.load offset=16 (i32.add (local.get $above) (local.get $o))))) (local.get $m)))
            (i32x4.gt_s (v128.and (local.get $x) (local.get $abs)) (local.get $lo))))
        (local.set $o (i32.add (local.get $o) (i32.const 32)))
        (br $columns)))
    (block $done
      (loop $columns
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (v128.store32_lane 0 (i32.add (local.get $row) (local.get $o))
          (v128.and
            (local.tee $x (f32x4.mul (f32x4.add (f32x4.mul (v128.load32_zero (i32.add (local.get $row) (local.get $o))) (local.get $f))
              (f32x4.mul (local.get $rr) (v128.load32_zero (i32.add (local.get $above) (local.get $o))))) (local.get $m)))
            (i32x4.gt_s (v128.and (local.get $x) (local.get $abs)) (local.get $lo))))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (br $columns))))

  ;; One row times two factors, u = (u·f)·m: the y sweep's first row (m = my[0]), or the decay of a single
  ;; row (m = 1).
  (func $scaleRow (param $row i32) (param $w i32) (param $m v128) (param $f v128) (param $lo v128)
    (local $o i32) (local $end4 i32) (local $end i32) (local $x v128) (local $abs v128)
    (local.set $abs (v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff))
    (local.set $end (i32.shl (local.get $w) (i32.const 2)))
    (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
    (block $done
      (loop $columns
        (br_if $done (i32.gt_u (i32.add (local.get $o) (i32.const 32)) (local.get $end4)))
        (v128.store (i32.add (local.get $row) (local.get $o))
          (v128.and
            (local.tee $x (f32x4.mul (f32x4.mul (v128.load (i32.add (local.get $row) (local.get $o))) (local.get $f)) (local.get $m)))
            (i32x4.gt_s (v128.and (local.get $x) (local.get $abs)) (local.get $lo))))
        (v128.store offset=16 (i32.add (local.get $row) (local.get $o))
          (v128.and
            (local.tee $x (f32x4.mul (f32x4.mul (v128.load offset=16 (i32.add (local.get $row) (local.get $o))) (local.get $f)) (local.get $m)))
            (i32x4.gt_s (v128.and (local.get $x) (local.get $abs)) (local.get $lo))))
        (local.set $o (i32.add (local.get $o) (i32.const 32)))
        (br $columns)))
    (block $done
      (loop $columns
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (v128.store32_lane 0 (i32.add (local.get $row) (local.get $o))
          (v128.and
            (local.tee $x (f32x4.mul (f32x4.mul (v128.load32_zero (i32.add (local.get $row) (local.get $o))) (local.get $f)) (local.get $m)))
            (i32x4.gt_s (v128.and (local.get $x) (local.get $abs)) (local.get $lo))))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (br $columns))))

  ;; y sweep, back substitution of one row against the row below: u = u + gy[k]·below (eight columns per loop
  ;; turn, then the columns left over one at a time; the tracked variant below is the one the active method runs).
  (func $substituteRowY (param $row i32) (param $below i32) (param $w i32) (param $g v128) (param $lo v128)
    (local $o i32) (local $end4 i32) (local $end i32) (local $x v128) (local $abs v128)
    (local.set $abs (v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff))
    (local.set $end (i32.shl (local.get $w) (i32.const 2)))
    (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
    (block $done
      (loop $columns
        (br_if $done (i32.gt_u (i32.add (local.get $o) (i32.const 32)) (local.get $end4)))
        (v128.store (i32.add (local.get $row) (local.get $o))
          (v128.and
            (local.tee $x (f32x4.add (v128.load (i32.add (local.get $row) (local.get $o)))
              (f32x4.mul (local.get $g) (v128.load (i32.add (local.get $below) (local.get $o))))))
            (i32x4.gt_s (v128.and (local.get $x) (local.get $abs)) (local.get $lo))))
        (v128.store offset=16 (i32.add (local.get $row) (local.get $o))
          (v128.and
            (local.tee $x (f32x4.add (v128.load offset=16 (i32.add (local.get $row) (local.get $o)))
              (f32x4.mul (local.get $g) (v128.load offset=16 (i32.add (local.get $below) (local.get $o))))))
            (i32x4.gt_s (v128.and (local.get $x) (local.get $abs)) (local.get $lo))))
        (local.set $o (i32.add (local.get $o) (i32.const 32)))
        (br $columns)))
    (block $done
      (loop $columns
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (v128.store32_lane 0 (i32.add (local.get $row) (local.get $o))
          (v128.and
            (local.tee $x (f32x4.add (v128.load32_zero (i32.add (local.get $row) (local.get $o)))
              (f32x4.mul (local.get $g) (v128.load32_zero (i32.add (local.get $below) (local.get $o))))))
            (i32x4.gt_s (v128.and (local.get $x) (local.get $abs)) (local.get $lo))))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (br $columns))))

  ;; The back substitution of substituteRowY (the same operations, hence the same bits) that also finds where
  ;; the row it stores is not 0 and where it is above $level (a float32 ≥ 0), for the active method. It goes by
  ;; blocks of eight vectors, OR-ing each block's stored values and its above-$level masks without a branch, and
  ;; notes the first and last blocks holding such values; then $widen finds the columns within them, reading
  ;; back what it stored (a branch per vector, as before, cost as much again as the substitution). The extents at
  ;; $ext (i32): +16 the leftmost and +20 the rightmost column with a value that is not 0 in the rows tracked so
  ;; far, +24 and +28 the same for values above $level. Returns bit 0 set if it stored anything but 0, bit 1 if
  ;; anything above $level. Only the columns at byte offsets [$from, $to) are done ($from a multiple of 16; $to
  ;; one too, or 4·w): the caller's others are 0 and stay 0.
  (func $substituteRowYTracked (param $row i32) (param $below i32) (param $w i32) (param $g v128) (param $lo v128)
    (param $ext i32) (param $level v128) (param $from i32) (param $to i32)
    (result i32)
    (local $o i32) (local $end4 i32) (local $end i32) (local $x v128) (local $y v128) (local $abs v128)
    (local $first i32) (local $last i32) (local $firstUp i32) (local $lastUp i32) (local $found i32)
    (local $block i32) (local $blockEnd i32) (local $any v128) (local $anyUp v128)
    (local.set $abs (v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff))
    (local.set $o (local.get $from))
    (local.set $end (local.get $to))
    (local.set $end4 (i32.and (local.get $to) (i32.const -16)))
    (local.set $first (i32.const -1))
    (local.set $firstUp (i32.const -1))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $o) (local.get $end4)))
        (local.set $block (local.get $o))
        (local.set $blockEnd (i32.add (local.get $o) (i32.const 128)))
        (if (i32.gt_u (local.get $blockEnd) (local.get $end4)) (then (local.set $blockEnd (local.get $end4))))
        (local.set $any (v128.const i64x2 0 0))
        (local.set $anyUp (v128.const i64x2 0 0))
        (loop $vectors
          (v128.store (i32.add (local.get $row) (local.get $o))
            (local.tee $y (v128.and
              (local.tee $x (f32x4.add (v128.load (i32.add (local.get $row) (local.get $o)))
                (f32x4.mul (local.get $g) (v128.load (i32.add (local.get $below) (local.get $o))))))
              (i32x4.gt_s (v128.and (local.get $x) (local.get $abs)) (local.get $lo)))))
          (local.set $any (v128.or (local.get $any) (local.get $y)))
          (local.set $anyUp (v128.or (local.get $anyUp) (f32x4.gt (local.get $y) (local.get $level))))
          (local.set $o (i32.add (local.get $o) (i32.const 16)))
          (br_if $vectors (i32.lt_u (local.get $o) (local.get $blockEnd))))
        (if (v128.any_true (v128.and (local.get $any) (local.get $abs)))
          (then
            (if (i32.lt_s (local.get $first) (i32.const 0)) (then (local.set $first (local.get $block))))
            (local.set $last (i32.sub (local.get $blockEnd) (i32.const 16)))))
        (if (v128.any_true (local.get $anyUp))
          (then
            (if (i32.lt_s (local.get $firstUp) (i32.const 0)) (then (local.set $firstUp (local.get $block))))
            (local.set $lastUp (i32.sub (local.get $blockEnd) (i32.const 16)))))
        (br $blocks)))
    ;; The columns left over one at a time (lanes 1–3 are 0: loaded as 0, so not above a level ≥ 0 either).
    (block $done
      (loop $columns
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (v128.store32_lane 0 (i32.add (local.get $row) (local.get $o))
          (local.tee $y (v128.and
            (local.tee $x (f32x4.add (v128.load32_zero (i32.add (local.get $row) (local.get $o)))
              (f32x4.mul (local.get $g) (v128.load32_zero (i32.add (local.get $below) (local.get $o))))))
            (i32x4.gt_s (v128.and (local.get $x) (local.get $abs)) (local.get $lo)))))
        (if (v128.any_true (v128.and (local.get $y) (local.get $abs)))
          (then
            (if (i32.lt_s (local.get $first) (i32.const 0)) (then (local.set $first (local.get $o))))
            (local.set $last (local.get $o))))
        (if (v128.any_true (f32x4.gt (local.get $y) (local.get $level)))
          (then
            (if (i32.lt_s (local.get $firstUp) (i32.const 0)) (then (local.set $firstUp (local.get $o))))
            (local.set $lastUp (local.get $o))))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (br $columns)))
    (if (i32.ge_s (local.get $first) (i32.const 0))
      (then
        (local.set $found (i32.const 1))
        (call $widen (local.get $ext) (local.get $row) (local.get $first) (local.get $last)
          (v128.const i32x4 0 0 0 0) (i32.const 0) (local.get $w))))
    (if (i32.ge_s (local.get $firstUp) (i32.const 0))
      (then
        (local.set $found (i32.or (local.get $found) (i32.const 2)))
        (call $widen (i32.add (local.get $ext) (i32.const 8)) (local.get $row) (local.get $firstUp)
          (local.get $lastUp) (local.get $level) (i32.const 1) (local.get $w))))
    (local.get $found))

  ;; Widens the extent at $ext + 16 (leftmost, rightmost column) over the sites that are not 0 ($above 0) or
  ;; above $level ($above 1) of the row at $row, w sites wide: the first such column from the vector at byte
  ;; offset $first on, and the last from the last lane of the vector at $last back (the caller knows such a
  ;; column lies in the block from each; lanes past the row's end are not read; one of the last columns, taken
  ;; one at a time, is the first lane of its "vector", the lanes after it later columns, 0 unless noted after
  ;; it).
  (func $widen (param $ext i32) (param $row i32) (param $first i32) (param $last i32) (param $level v128)
    (param $above i32) (param $w i32)
    (local $lane i32) (local $v f32) (local $col i32)
    (local.set $lane (i32.const 0))
    (block $done
      (loop $lanes
        (local.set $v (f32.load (i32.add (local.get $row) (i32.add (local.get $first) (i32.shl (local.get $lane) (i32.const 2))))))
        (br_if $done (if (result i32) (local.get $above)
          (then (f32.gt (local.get $v) (f32x4.extract_lane 0 (local.get $level))))
          (else (i32.ne (i32.and (i32.reinterpret_f32 (local.get $v)) (i32.const 0x7fffffff)) (i32.const 0)))))
        (local.set $lane (i32.add (local.get $lane) (i32.const 1)))
        (br $lanes)))
    (local.set $col (i32.add (i32.shr_u (local.get $first) (i32.const 2)) (local.get $lane)))
    (if (i32.lt_s (local.get $col) (i32.load offset=16 (local.get $ext)))
      (then (i32.store offset=16 (local.get $ext) (local.get $col))))
    (local.set $lane (i32.sub (i32.sub (local.get $w) (i32.const 1)) (i32.shr_u (local.get $last) (i32.const 2))))
    (if (i32.gt_s (local.get $lane) (i32.const 3)) (then (local.set $lane (i32.const 3))))
    (block $done
      (loop $lanes
        (local.set $v (f32.load (i32.add (local.get $row) (i32.add (local.get $last) (i32.shl (local.get $lane) (i32.const 2))))))
        (br_if $done (if (result i32) (local.get $above)
          (then (f32.gt (local.get $v) (f32x4.extract_lane 0 (local.get $level))))
          (else (i32.ne (i32.and (i32.reinterpret_f32 (local.get $v)) (i32.const 0x7fffffff)) (i32.const 0)))))
        (local.set $lane (i32.sub (local.get $lane) (i32.const 1)))
        (br $lanes)))
    (local.set $col (i32.add (i32.shr_u (local.get $last) (i32.const 2)) (local.get $lane)))
    (if (i32.gt_s (local.get $col) (i32.load offset=20 (local.get $ext)))
      (then (i32.store offset=20 (local.get $ext) (local.get $col)))))

  ;; Whether any of the $cols values from $row is not 0 (−0 counted as 0).
  (func $anyNotZero (param $row i32) (param $cols i32) (result i32)
    (local $o i32) (local $end i32)
    (local.set $end (i32.shl (local.get $cols) (i32.const 2)))
    (block $done
      (loop $columns
        (br_if $done (i32.gt_u (i32.add (local.get $o) (i32.const 16)) (local.get $end)))
        (if (v128.any_true (v128.and (v128.load (i32.add (local.get $row) (local.get $o)))
              (v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff)))
          (then (return (i32.const 1))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $columns)))
    (block $done
      (loop $columns
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (if (i32.and (i32.load (i32.add (local.get $row) (local.get $o))) (i32.const 0x7fffffff))
          (then (return (i32.const 1))))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (br $columns)))
    (i32.const 0))

  ;; The y back substitution of the row at $row, the band's row $k (its lattice row $row0 + k), against the row
  ;; below, over the sweep's columns; with $track, noting the lattice rows of values that are not 0 and above
  ;; $level (the topmost found last, as the substitution goes up).
  (func $substituteAt (param $row i32) (param $k i32) (param $stride i32) (param $w i32) (param $cols i32)
    (param $gy i32) (param $lo v128) (param $track i32) (param $level f32) (param $row0 i32)
    (local $found i32) (local $g v128)
    (local.set $g (v128.load32_splat (i32.add (local.get $gy) (i32.shl (local.get $k) (i32.const 2)))))
    (if (i32.eqz (local.get $track))
      (then
        (call $substituteRowY (i32.add (local.get $row) (global.get $colFrom))
          (i32.add (i32.add (local.get $row) (local.get $stride)) (global.get $colFrom)) (local.get $cols)
          (local.get $g) (local.get $lo))
        (return)))
    (local.set $found (call $substituteRowYTracked (local.get $row) (i32.add (local.get $row) (local.get $stride))
      (local.get $w) (local.get $g) (local.get $lo) (local.get $track) (f32x4.splat (local.get $level))
      (global.get $colFrom) (global.get $colTo)))
    (local.set $k (i32.add (local.get $row0) (local.get $k)))
    (if (i32.and (local.get $found) (i32.const 1))
      (then
        (i32.store (local.get $track) (local.get $k))
        (if (i32.lt_s (i32.load offset=4 (local.get $track)) (i32.const 0))
          (then (i32.store offset=4 (local.get $track) (local.get $k))))))
    (if (i32.and (local.get $found) (i32.const 2))
      (then
        (i32.store offset=8 (local.get $track) (local.get $k))
        (if (i32.lt_s (i32.load offset=12 (local.get $track)) (i32.const 0))
          (then (i32.store offset=12 (local.get $track) (local.get $k)))))))

  ;; One step of D·dt = $r (float32) on the w×h field at $field: the x sweep (if w > 1) and the y
  ;; elimination (if h > 1, with the decay factor $f, 1 without decay) 16 rows at a time, so the elimination
  ;; reads rows the x sweep has just written, then the y back substitution from the bottom row up. With
  ;; h = 1 and $decay set, the row is multiplied by $f last. The h rows are rows $row0 … of a lattice of $rows
  ;; rows whose other rows are 0 (a band; $row0 = 0 and $rows = h for the whole field): while the band's last
  ;; row comes out of the elimination not all 0, the elimination goes on into the rows below (0 before the
  ;; step, so they need no x sweep), and while the first row comes out of the back substitution not all 0, the
  ;; back substitution goes on into the rows above (0 after the elimination); so the band's step is the whole
  ;; lattice's (h > 1). With $track (not 0, h > 1) the back substitution also finds where its values are not 0,
  ;; and where they are above $level (≥ 0), for the active method; at $track (i32 × 9): the topmost and the
  ;; bottommost lattice rows, but the step's last, holding a value that is not 0, the same for a value above
  ;; $level (−1 if none), then the leftmost and rightmost columns of those values (w and −1 if none), the same
  ;; for the values above $level, and the step's last lattice row (the band's, or where the elimination
  ;; ended), which is not tracked.
  (func (export "diffuse")
    (param $field i32) (param $w i32) (param $h i32) (param $r f32)
    (param $mx i32) (param $gx i32) (param $my i32) (param $gy i32) (param $s i32) (param $f f32) (param $decay i32)
    (param $floor i32) (param $track i32) (param $level f32) (param $xfloor i32) (param $fwdFrom i32)
    (param $leftTo i32) (param $row0 i32) (param $rows i32)
    (local $stride i32) (local $base i32) (local $k i32) (local $last i32) (local $top i32) (local $row i32)
    (local $rr v128) (local $ff v128) (local $lo v128) (local $cols i32)
    (if (local.get $track)
      (then
        (v128.store (local.get $track) (v128.const i32x4 -1 -1 -1 -1))
        (v128.store offset=16 (local.get $track)
          (i32x4.replace_lane 2 (i32x4.replace_lane 0 (i32x4.splat (i32.const -1)) (local.get $w)) (local.get $w)))))
    (local.set $lo (i32x4.splat (i32.sub (local.get $floor) (i32.const 1))))
    (local.set $stride (i32.shl (local.get $w) (i32.const 2)))
    (local.set $last (i32.sub (local.get $h) (i32.const 1)))
    (local.set $rr (f32x4.splat (local.get $r)))
    (local.set $ff (f32x4.splat (local.get $f)))
    ;; The x sweep's forward values left of $leftTo's chunk, 0 (it starts there).
    (memory.fill (i32.add (local.get $s) (i32.const 128)) (i32.const 0)
      (i32.shl (i32.and (local.get $leftTo) (i32.const -16)) (i32.const 4)))
    ;; The y sweep's columns: those the x sweeps leave values that are not 0 in, or the one column without them.
    (global.set $colFrom (local.get $stride))
    (global.set $colTo (i32.const 0))
    (if (i32.le_u (local.get $w) (i32.const 1)) (then (call $noteColumns (i32.const 0) (i32.const 4))))
    (loop $groups
      (if (i32.gt_u (local.get $w) (i32.const 1))
        (then
          (call $sweepRowsX (local.get $field) (local.get $stride) (local.get $base) (local.get $last)
            (local.get $w) (local.get $rr) (local.get $mx) (local.get $gx) (local.get $s)
            (i32x4.splat (i32.sub (local.get $xfloor) (i32.const 1))) (local.get $fwdFrom) (local.get $leftTo))))
      (if (i32.and (i32.ne (local.get $last) (i32.const 0)) (i32.lt_u (global.get $colFrom) (global.get $colTo)))
        (then
          (local.set $cols (i32.shr_u (i32.sub (global.get $colTo) (global.get $colFrom)) (i32.const 2)))
          (local.set $top (i32.add (local.get $base) (i32.const 16)))
          (if (i32.gt_u (local.get $top) (local.get $h)) (then (local.set $top (local.get $h))))
          (local.set $k (local.get $base))
          (loop $rows
            (local.set $row (i32.add (local.get $field) (i32.mul (local.get $k) (local.get $stride))))
            (if (local.get $k)
              (then
                (call $eliminateRowY (i32.add (local.get $row) (global.get $colFrom))
                  (i32.add (i32.sub (local.get $row) (local.get $stride)) (global.get $colFrom)) (local.get $cols)
                  (local.get $rr)
                  (v128.load32_splat (i32.add (local.get $my) (i32.shl (local.get $k) (i32.const 2))))
                  (local.get $ff) (local.get $lo)))
              (else
                (call $scaleRow (i32.add (local.get $row) (global.get $colFrom)) (local.get $cols)
                  (v128.load32_splat (local.get $my)) (local.get $ff) (local.get $lo))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br_if $rows (i32.lt_u (local.get $k) (local.get $top))))))
      (local.set $base (i32.add (local.get $base) (i32.const 16)))
      (br_if $groups (i32.lt_u (local.get $base) (local.get $h))))
    ;; ($cols is the last group's: the x sweeps are done.)
    (if (local.get $last)
      (then
        (if (i32.lt_u (global.get $colFrom) (global.get $colTo))
          (then
            ;; Below the band: while its last row is not all 0 and the lattice goes on, the elimination goes on
            ;; into the next row (0 before the step, as every row outside the band: only elimination, no x sweep).
            (block $ended
              (loop $down
                (local.set $row (i32.add (local.get $field) (i32.mul (local.get $last) (local.get $stride))))
                (br_if $ended (i32.ge_u (i32.add (local.get $row0) (local.get $last)) (i32.sub (local.get $rows) (i32.const 1))))
                (br_if $ended (i32.eqz (call $anyNotZero (i32.add (local.get $row) (global.get $colFrom)) (local.get $cols))))
                (local.set $last (i32.add (local.get $last) (i32.const 1)))
                (call $eliminateRowY (i32.add (i32.add (local.get $row) (local.get $stride)) (global.get $colFrom))
                  (i32.add (local.get $row) (global.get $colFrom)) (local.get $cols) (local.get $rr)
                  (v128.load32_splat (i32.add (local.get $my) (i32.shl (local.get $last) (i32.const 2))))
                  (local.get $ff) (local.get $lo))
                (br $down)))
            (local.set $k (local.get $last))
            (loop $rows
              (local.set $k (i32.sub (local.get $k) (i32.const 1)))
              (local.set $row (i32.sub (local.get $row) (local.get $stride)))
              (call $substituteAt (local.get $row) (local.get $k) (local.get $stride) (local.get $w) (local.get $cols)
                (local.get $gy) (local.get $lo) (local.get $track) (local.get $level) (local.get $row0))
              (br_if $rows (local.get $k)))
            ;; Above the band: while its first row is not all 0 and the lattice goes on, the back substitution goes
            ;; on into the row above (0 before the step and after the elimination: u = 0 + gy·below).
            (block $ended
              (loop $up
                (br_if $ended (i32.eqz (i32.add (local.get $row0) (local.get $k))))
                (br_if $ended (i32.eqz (call $anyNotZero (i32.add (local.get $row) (global.get $colFrom)) (local.get $cols))))
                (local.set $k (i32.sub (local.get $k) (i32.const 1)))
                (local.set $row (i32.sub (local.get $row) (local.get $stride)))
                (call $substituteAt (local.get $row) (local.get $k) (local.get $stride) (local.get $w) (local.get $cols)
                  (local.get $gy) (local.get $lo) (local.get $track) (local.get $level) (local.get $row0))
                (br $up)))))
        ;; The last row of the step (the band's, or where the elimination ended): not tracked above.
        (if (local.get $track)
          (then (i32.store offset=32 (local.get $track) (i32.add (local.get $row0) (local.get $last))))))
      (else (call $scaleRow (local.get $field) (local.get $w) (f32x4.splat (f32.const 1)) (local.get $ff)
        (local.get $lo)))))
  )
