;; Implicit locally-one-dimensional diffusion step (backward Euler: an x sweep, then a y sweep, each a Thomas
;; tridiagonal solve with precomputed factors) on a Float32 field, with optional exact decay fused into the
;; last pass. It is the SIMD twin of DiffusionDecaySolver's JavaScript implicit step and must stay
;; bit-identical to it: every operation is float64 (f64x2), in the same order as the JavaScript, and every
;; value is rounded to float32 exactly where the JavaScript stores it into the Float32Array (one demote), and
;; read back exactly as stored (one promote). No fused multiply–add, no reassociation.
;;
;; Compiled by scripts/write-diffusion-kernel.mjs into diffusionKernelBytes.ts. Memory layout (byte offsets,
;; all chosen by the caller): the field (float32, row-major, width w, height h), the Thomas factors mx, gx
;; (float64, w each) and my, gy (float64, h each), a scratch area of 64·w bytes (the x sweep's forward values
;; of eight rows) and a row buffer of 8·w bytes (the y sweep's last row in float64).
(module
  (memory (export "memory") 1)

  ;; x sweep of 8 rows at once: 4 row pairs, each pair one f64x2 (row a in lane 0, row b in lane 1), so
  ;; 4 independent recurrences hide the latency of the serial chain along a row. Rows past the last row
  ;; repeat the last row: every row is read in full before any row is written, and repeated rows compute and
  ;; store identical values. Sites are read and written two columns at a time (one 64-bit load or store per
  ;; row, the two rows' values regrouped by shuffles), with a single column at either end as needed.
  ;; Forward: p = (u + r·p)·mx[i], with p = u·mx[0] at the first site, kept rounded in the scratch area (as
  ;; float64 of the rounded value, pair c of site i at 16·(4·i + c)). Backward, from the rounded last value:
  ;; n = u + gx[i]·n, stored rounded into the field.
  (func $sweepRowsX (param $field i32) (param $stride i32) (param $base i32) (param $last i32) (param $w i32)
    (param $r f64) (param $mx i32) (param $gx i32) (param $s i32)
    (local $a0 i32) (local $b0 i32) (local $a1 i32) (local $b1 i32)
    (local $a2 i32) (local $b2 i32) (local $a3 i32) (local $b3 i32)
    (local $o i32) (local $q i32) (local $f i32) (local $end i32)
    (local $rr v128) (local $m v128) (local $n v128) (local $x v128) (local $y v128)
    (local $p0 v128) (local $p1 v128) (local $p2 v128) (local $p3 v128)
    (local.set $a0 (call $rowAt (local.get $field) (local.get $stride) (local.get $base) (i32.const 0)
      (local.get $last)))
    (local.set $b0 (call $rowAt (local.get $field) (local.get $stride) (local.get $base) (i32.const 1)
      (local.get $last)))
    (local.set $a1 (call $rowAt (local.get $field) (local.get $stride) (local.get $base) (i32.const 2)
      (local.get $last)))
    (local.set $b1 (call $rowAt (local.get $field) (local.get $stride) (local.get $base) (i32.const 3)
      (local.get $last)))
    (local.set $a2 (call $rowAt (local.get $field) (local.get $stride) (local.get $base) (i32.const 4)
      (local.get $last)))
    (local.set $b2 (call $rowAt (local.get $field) (local.get $stride) (local.get $base) (i32.const 5)
      (local.get $last)))
    (local.set $a3 (call $rowAt (local.get $field) (local.get $stride) (local.get $base) (i32.const 6)
      (local.get $last)))
    (local.set $b3 (call $rowAt (local.get $field) (local.get $stride) (local.get $base) (i32.const 7)
      (local.get $last)))
    (local.set $rr (f64x2.splat (local.get $r)))
    (local.set $end (i32.shl (local.get $w) (i32.const 2)))

    ;; Forward elimination, first site: p = u·mx[0].
    (local.set $m (v128.load64_splat (local.get $mx)))
    (local.set $p0 (f64x2.mul (f64x2.promote_low_f32x4
      (v128.load32_lane 1 (local.get $b0) (v128.load32_zero (local.get $a0)))) (local.get $m)))
    (v128.store offset=0 (local.get $s) (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $p0))))
    (local.set $p1 (f64x2.mul (f64x2.promote_low_f32x4
      (v128.load32_lane 1 (local.get $b1) (v128.load32_zero (local.get $a1)))) (local.get $m)))
    (v128.store offset=16 (local.get $s) (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $p1))))
    (local.set $p2 (f64x2.mul (f64x2.promote_low_f32x4
      (v128.load32_lane 1 (local.get $b2) (v128.load32_zero (local.get $a2)))) (local.get $m)))
    (v128.store offset=32 (local.get $s) (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $p2))))
    (local.set $p3 (f64x2.mul (f64x2.promote_low_f32x4
      (v128.load32_lane 1 (local.get $b3) (v128.load32_zero (local.get $a3)))) (local.get $m)))
    (v128.store offset=48 (local.get $s) (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $p3))))

    ;; Forward elimination, sites 1 … w−1, two per turn ($o: field byte offset 4i, $f: factor offset 8i, $q:
    ;; scratch address of site i).
    (local.set $o (i32.const 4))
    (local.set $f (i32.const 8))
    (local.set $q (i32.add (local.get $s) (i32.const 64)))
    (block $pairsDone
      (loop $forward
        (br_if $pairsDone (i32.gt_u (i32.add (local.get $o) (i32.const 8)) (local.get $end)))
        (local.set $m (v128.load64_splat (i32.add (local.get $mx) (local.get $f))))
        (local.set $n (v128.load64_splat offset=8 (i32.add (local.get $mx) (local.get $f))))
        (local.set $x (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $a0) (local.get $o)))))
        (local.set $y (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $b0) (local.get $o)))))
        (local.set $p0 (f64x2.mul (f64x2.add
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x) (local.get $y))
          (f64x2.mul (local.get $rr) (local.get $p0))) (local.get $m)))
        (v128.store offset=0 (local.get $q) (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $p0))))
        (local.set $p0 (f64x2.mul (f64x2.add
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x) (local.get $y))
          (f64x2.mul (local.get $rr) (local.get $p0))) (local.get $n)))
        (v128.store offset=64 (local.get $q) (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $p0))))
        (local.set $x (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $a1) (local.get $o)))))
        (local.set $y (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $b1) (local.get $o)))))
        (local.set $p1 (f64x2.mul (f64x2.add
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x) (local.get $y))
          (f64x2.mul (local.get $rr) (local.get $p1))) (local.get $m)))
        (v128.store offset=16 (local.get $q) (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $p1))))
        (local.set $p1 (f64x2.mul (f64x2.add
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x) (local.get $y))
          (f64x2.mul (local.get $rr) (local.get $p1))) (local.get $n)))
        (v128.store offset=80 (local.get $q) (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $p1))))
        (local.set $x (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $a2) (local.get $o)))))
        (local.set $y (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $b2) (local.get $o)))))
        (local.set $p2 (f64x2.mul (f64x2.add
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x) (local.get $y))
          (f64x2.mul (local.get $rr) (local.get $p2))) (local.get $m)))
        (v128.store offset=32 (local.get $q) (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $p2))))
        (local.set $p2 (f64x2.mul (f64x2.add
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x) (local.get $y))
          (f64x2.mul (local.get $rr) (local.get $p2))) (local.get $n)))
        (v128.store offset=96 (local.get $q) (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $p2))))
        (local.set $x (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $a3) (local.get $o)))))
        (local.set $y (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $b3) (local.get $o)))))
        (local.set $p3 (f64x2.mul (f64x2.add
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x) (local.get $y))
          (f64x2.mul (local.get $rr) (local.get $p3))) (local.get $m)))
        (v128.store offset=48 (local.get $q) (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $p3))))
        (local.set $p3 (f64x2.mul (f64x2.add
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x) (local.get $y))
          (f64x2.mul (local.get $rr) (local.get $p3))) (local.get $n)))
        (v128.store offset=112 (local.get $q) (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $p3))))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))
        (local.set $f (i32.add (local.get $f) (i32.const 16)))
        (local.set $q (i32.add (local.get $q) (i32.const 128)))
        (br $forward)))
    ;; An odd site left over (w even).
    (if (i32.lt_u (local.get $o) (local.get $end))
      (then
        (local.set $m (v128.load64_splat (i32.add (local.get $mx) (local.get $f))))
        (local.set $p0 (f64x2.mul (f64x2.add (f64x2.promote_low_f32x4
          (v128.load32_lane 1 (i32.add (local.get $b0) (local.get $o))
            (v128.load32_zero (i32.add (local.get $a0) (local.get $o)))))
          (f64x2.mul (local.get $rr) (local.get $p0))) (local.get $m)))
        (v128.store offset=0 (local.get $q) (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $p0))))
        (local.set $p1 (f64x2.mul (f64x2.add (f64x2.promote_low_f32x4
          (v128.load32_lane 1 (i32.add (local.get $b1) (local.get $o))
            (v128.load32_zero (i32.add (local.get $a1) (local.get $o)))))
          (f64x2.mul (local.get $rr) (local.get $p1))) (local.get $m)))
        (v128.store offset=16 (local.get $q) (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $p1))))
        (local.set $p2 (f64x2.mul (f64x2.add (f64x2.promote_low_f32x4
          (v128.load32_lane 1 (i32.add (local.get $b2) (local.get $o))
            (v128.load32_zero (i32.add (local.get $a2) (local.get $o)))))
          (f64x2.mul (local.get $rr) (local.get $p2))) (local.get $m)))
        (v128.store offset=32 (local.get $q) (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $p2))))
        (local.set $p3 (f64x2.mul (f64x2.add (f64x2.promote_low_f32x4
          (v128.load32_lane 1 (i32.add (local.get $b3) (local.get $o))
            (v128.load32_zero (i32.add (local.get $a3) (local.get $o)))))
          (f64x2.mul (local.get $rr) (local.get $p3))) (local.get $m)))
        (v128.store offset=48 (local.get $q) (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $p3))))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (local.set $f (i32.add (local.get $f) (i32.const 8)))
        (local.set $q (i32.add (local.get $q) (i32.const 64)))))

    ;; Back substitution starts from the rounded last value, which the field gets as it is.
    (local.set $o (i32.sub (local.get $o) (i32.const 4)))
    (local.set $f (i32.sub (local.get $f) (i32.const 8)))
    (local.set $q (i32.sub (local.get $q) (i32.const 64)))
    (local.set $p0 (v128.load offset=0 (local.get $q)))
    (local.set $x (f32x4.demote_f64x2_zero (local.get $p0)))
    (v128.store32_lane 0 (i32.add (local.get $a0) (local.get $o)) (local.get $x))
    (v128.store32_lane 1 (i32.add (local.get $b0) (local.get $o)) (local.get $x))
    (local.set $p1 (v128.load offset=16 (local.get $q)))
    (local.set $x (f32x4.demote_f64x2_zero (local.get $p1)))
    (v128.store32_lane 0 (i32.add (local.get $a1) (local.get $o)) (local.get $x))
    (v128.store32_lane 1 (i32.add (local.get $b1) (local.get $o)) (local.get $x))
    (local.set $p2 (v128.load offset=32 (local.get $q)))
    (local.set $x (f32x4.demote_f64x2_zero (local.get $p2)))
    (v128.store32_lane 0 (i32.add (local.get $a2) (local.get $o)) (local.get $x))
    (v128.store32_lane 1 (i32.add (local.get $b2) (local.get $o)) (local.get $x))
    (local.set $p3 (v128.load offset=48 (local.get $q)))
    (local.set $x (f32x4.demote_f64x2_zero (local.get $p3)))
    (v128.store32_lane 0 (i32.add (local.get $a3) (local.get $o)) (local.get $x))
    (v128.store32_lane 1 (i32.add (local.get $b3) (local.get $o)) (local.get $x))

    ;; Back substitution, sites w−2 … 0: n = u + gx[i]·n, two sites per turn (i, then i − 1, stored together
    ;; at i − 1), then site 0 alone if left over.
    (block $pairsDone
      (loop $backward
        (br_if $pairsDone (i32.lt_u (local.get $o) (i32.const 8)))
        (local.set $o (i32.sub (local.get $o) (i32.const 8)))
        (local.set $f (i32.sub (local.get $f) (i32.const 16)))
        (local.set $q (i32.sub (local.get $q) (i32.const 128)))
        (local.set $m (v128.load64_splat offset=8 (i32.add (local.get $gx) (local.get $f))))
        (local.set $n (v128.load64_splat (i32.add (local.get $gx) (local.get $f))))
        (local.set $p0 (f64x2.add (v128.load offset=64 (local.get $q))
          (f64x2.mul (local.get $m) (local.get $p0))))
        (local.set $y (f32x4.demote_f64x2_zero (local.get $p0)))
        (local.set $p0 (f64x2.add (v128.load offset=0 (local.get $q))
          (f64x2.mul (local.get $n) (local.get $p0))))
        (local.set $x (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
          (f32x4.demote_f64x2_zero (local.get $p0)) (local.get $y)))
        (v128.store64_lane 0 (i32.add (local.get $a0) (local.get $o)) (local.get $x))
        (v128.store64_lane 1 (i32.add (local.get $b0) (local.get $o)) (local.get $x))
        (local.set $p1 (f64x2.add (v128.load offset=80 (local.get $q))
          (f64x2.mul (local.get $m) (local.get $p1))))
        (local.set $y (f32x4.demote_f64x2_zero (local.get $p1)))
        (local.set $p1 (f64x2.add (v128.load offset=16 (local.get $q))
          (f64x2.mul (local.get $n) (local.get $p1))))
        (local.set $x (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
          (f32x4.demote_f64x2_zero (local.get $p1)) (local.get $y)))
        (v128.store64_lane 0 (i32.add (local.get $a1) (local.get $o)) (local.get $x))
        (v128.store64_lane 1 (i32.add (local.get $b1) (local.get $o)) (local.get $x))
        (local.set $p2 (f64x2.add (v128.load offset=96 (local.get $q))
          (f64x2.mul (local.get $m) (local.get $p2))))
        (local.set $y (f32x4.demote_f64x2_zero (local.get $p2)))
        (local.set $p2 (f64x2.add (v128.load offset=32 (local.get $q))
          (f64x2.mul (local.get $n) (local.get $p2))))
        (local.set $x (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
          (f32x4.demote_f64x2_zero (local.get $p2)) (local.get $y)))
        (v128.store64_lane 0 (i32.add (local.get $a2) (local.get $o)) (local.get $x))
        (v128.store64_lane 1 (i32.add (local.get $b2) (local.get $o)) (local.get $x))
        (local.set $p3 (f64x2.add (v128.load offset=112 (local.get $q))
          (f64x2.mul (local.get $m) (local.get $p3))))
        (local.set $y (f32x4.demote_f64x2_zero (local.get $p3)))
        (local.set $p3 (f64x2.add (v128.load offset=48 (local.get $q))
          (f64x2.mul (local.get $n) (local.get $p3))))
        (local.set $x (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
          (f32x4.demote_f64x2_zero (local.get $p3)) (local.get $y)))
        (v128.store64_lane 0 (i32.add (local.get $a3) (local.get $o)) (local.get $x))
        (v128.store64_lane 1 (i32.add (local.get $b3) (local.get $o)) (local.get $x))
        (br $backward)))
    (if (local.get $o)
      (then
        (local.set $o (i32.sub (local.get $o) (i32.const 4)))
        (local.set $f (i32.sub (local.get $f) (i32.const 8)))
        (local.set $q (i32.sub (local.get $q) (i32.const 64)))
        (local.set $m (v128.load64_splat (i32.add (local.get $gx) (local.get $f))))
        (local.set $p0 (f64x2.add (v128.load offset=0 (local.get $q))
          (f64x2.mul (local.get $m) (local.get $p0))))
        (local.set $x (f32x4.demote_f64x2_zero (local.get $p0)))
        (v128.store32_lane 0 (i32.add (local.get $a0) (local.get $o)) (local.get $x))
        (v128.store32_lane 1 (i32.add (local.get $b0) (local.get $o)) (local.get $x))
        (local.set $p1 (f64x2.add (v128.load offset=16 (local.get $q))
          (f64x2.mul (local.get $m) (local.get $p1))))
        (local.set $x (f32x4.demote_f64x2_zero (local.get $p1)))
        (v128.store32_lane 0 (i32.add (local.get $a1) (local.get $o)) (local.get $x))
        (v128.store32_lane 1 (i32.add (local.get $b1) (local.get $o)) (local.get $x))
        (local.set $p2 (f64x2.add (v128.load offset=32 (local.get $q))
          (f64x2.mul (local.get $m) (local.get $p2))))
        (local.set $x (f32x4.demote_f64x2_zero (local.get $p2)))
        (v128.store32_lane 0 (i32.add (local.get $a2) (local.get $o)) (local.get $x))
        (v128.store32_lane 1 (i32.add (local.get $b2) (local.get $o)) (local.get $x))
        (local.set $p3 (f64x2.add (v128.load offset=48 (local.get $q))
          (f64x2.mul (local.get $m) (local.get $p3))))
        (local.set $x (f32x4.demote_f64x2_zero (local.get $p3)))
        (v128.store32_lane 0 (i32.add (local.get $a3) (local.get $o)) (local.get $x))
        (v128.store32_lane 1 (i32.add (local.get $b3) (local.get $o)) (local.get $x)))))


  ;; y sweep, forward elimination of one row k ≥ 1 against the row above (already eliminated and rounded):
  ;; u = (u + r·above)·my[k]. Two columns per f64x2, two f64x2 per loop turn, then a last pair and an odd
  ;; last column alone ($o: byte offset of the column).
  (func $eliminateRowY (param $row i32) (param $above i32) (param $w i32) (param $rr v128) (param $m v128)
    (local $o i32) (local $pairs i32)
    (local.set $pairs (i32.shl (i32.shr_u (local.get $w) (i32.const 1)) (i32.const 3)))
    (block $done
      (loop $columns
        (br_if $done (i32.gt_u (i32.add (local.get $o) (i32.const 16)) (local.get $pairs)))
        (v128.store64_lane 0 (i32.add (local.get $row) (local.get $o))
          (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.add
            (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $row) (local.get $o))))
            (f64x2.mul (local.get $rr)
              (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $above) (local.get $o))))))
            (local.get $m))))
        (v128.store64_lane offset=8 0 (i32.add (local.get $row) (local.get $o))
          (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.add
            (f64x2.promote_low_f32x4 (v128.load64_zero offset=8 (i32.add (local.get $row) (local.get $o))))
            (f64x2.mul (local.get $rr)
              (f64x2.promote_low_f32x4 (v128.load64_zero offset=8 (i32.add (local.get $above) (local.get $o))))))
            (local.get $m))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $columns)))
    (if (i32.lt_u (local.get $o) (local.get $pairs))
      (then
        (v128.store64_lane 0 (i32.add (local.get $row) (local.get $o))
          (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.add
            (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $row) (local.get $o))))
            (f64x2.mul (local.get $rr)
              (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $above) (local.get $o))))))
            (local.get $m))))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))))
    (if (i32.and (local.get $w) (i32.const 1))
      (then
        (v128.store32_lane 0 (i32.add (local.get $row) (local.get $o))
          (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.add
            (f64x2.promote_low_f32x4 (v128.load32_zero (i32.add (local.get $row) (local.get $o))))
            (f64x2.mul (local.get $rr)
              (f64x2.promote_low_f32x4 (v128.load32_zero (i32.add (local.get $above) (local.get $o))))))
            (local.get $m)))))))

  ;; y sweep, first row: u = u·my[0].
  (func $scaleRow (param $row i32) (param $w i32) (param $m v128)
    (local $o i32) (local $end i32)
    (local.set $end (i32.shl (i32.shr_u (local.get $w) (i32.const 1)) (i32.const 3)))
    (if (local.get $end)
      (then
        (loop $columns
          (v128.store64_lane 0 (i32.add (local.get $row) (local.get $o))
            (f32x4.demote_f64x2_zero (f64x2.mul
              (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $row) (local.get $o))))
              (local.get $m))))
          (local.set $o (i32.add (local.get $o) (i32.const 8)))
          (br_if $columns (i32.lt_u (local.get $o) (local.get $end))))))
    (if (i32.and (local.get $w) (i32.const 1))
      (then
        (v128.store32_lane 0 (i32.add (local.get $row) (local.get $o))
          (f32x4.demote_f64x2_zero (f64x2.mul
            (f64x2.promote_low_f32x4 (v128.load32_zero (i32.add (local.get $row) (local.get $o))))
            (local.get $m)))))))

  ;; y sweep, back substitution of one row against the row below, which $buf holds as float64 (the rounded
  ;; values the field had before any decay): u = u + gy[k]·below, rounded into the field, and $buf then holds
  ;; this row. Two columns per f64x2 ($o: byte offset of the column in the row, $b: in $buf), an odd last
  ;; column alone.
  (func $substituteRowY (param $row i32) (param $buf i32) (param $w i32) (param $g v128)
    (local $o i32) (local $b i32) (local $pairs i32) (local $d v128)
    (local.set $pairs (i32.shl (i32.shr_u (local.get $w) (i32.const 1)) (i32.const 3)))
    (if (local.get $pairs)
      (then
        (loop $columns
          (local.set $d (f32x4.demote_f64x2_zero (f64x2.add
            (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $row) (local.get $o))))
            (f64x2.mul (local.get $g) (v128.load (i32.add (local.get $buf) (local.get $b)))))))
          (v128.store64_lane 0 (i32.add (local.get $row) (local.get $o)) (local.get $d))
          (v128.store (i32.add (local.get $buf) (local.get $b)) (f64x2.promote_low_f32x4 (local.get $d)))
          (local.set $o (i32.add (local.get $o) (i32.const 8)))
          (local.set $b (i32.add (local.get $b) (i32.const 16)))
          (br_if $columns (i32.lt_u (local.get $o) (local.get $pairs))))))
    (if (i32.and (local.get $w) (i32.const 1))
      (then
        (local.set $d (f32x4.demote_f64x2_zero (f64x2.add
          (f64x2.promote_low_f32x4 (v128.load32_zero (i32.add (local.get $row) (local.get $o))))
          (f64x2.mul (local.get $g) (v128.load64_zero (i32.add (local.get $buf) (local.get $b)))))))
        (v128.store32_lane 0 (i32.add (local.get $row) (local.get $o)) (local.get $d))
        (v128.store64_lane 0 (i32.add (local.get $buf) (local.get $b)) (f64x2.promote_low_f32x4 (local.get $d))))))

  ;; As $substituteRowY, then the decay pass of the same row: the field gets the rounded value times $f,
  ;; rounded again (as the JavaScript's separate decay loop does), while $buf keeps the value before decay.
  (func $substituteDecayRowY (param $row i32) (param $buf i32) (param $w i32) (param $g v128) (param $f v128)
    (local $o i32) (local $b i32) (local $pairs i32) (local $v v128)
    (local.set $pairs (i32.shl (i32.shr_u (local.get $w) (i32.const 1)) (i32.const 3)))
    (if (local.get $pairs)
      (then
        (loop $columns
          (local.set $v (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (f64x2.add
            (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $row) (local.get $o))))
            (f64x2.mul (local.get $g) (v128.load (i32.add (local.get $buf) (local.get $b))))))))
          (v128.store (i32.add (local.get $buf) (local.get $b)) (local.get $v))
          (v128.store64_lane 0 (i32.add (local.get $row) (local.get $o))
            (f32x4.demote_f64x2_zero (f64x2.mul (local.get $v) (local.get $f))))
          (local.set $o (i32.add (local.get $o) (i32.const 8)))
          (local.set $b (i32.add (local.get $b) (i32.const 16)))
          (br_if $columns (i32.lt_u (local.get $o) (local.get $pairs))))))
    (if (i32.and (local.get $w) (i32.const 1))
      (then
        (local.set $v (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (f64x2.add
          (f64x2.promote_low_f32x4 (v128.load32_zero (i32.add (local.get $row) (local.get $o))))
          (f64x2.mul (local.get $g) (v128.load64_zero (i32.add (local.get $buf) (local.get $b))))))))
        (v128.store64_lane 0 (i32.add (local.get $buf) (local.get $b)) (local.get $v))
        (v128.store32_lane 0 (i32.add (local.get $row) (local.get $o))
          (f32x4.demote_f64x2_zero (f64x2.mul (local.get $v) (local.get $f)))))))

  ;; The last row of the y sweep is not substituted: $buf gets it as float64, and with $decay set the field
  ;; gets it times $f, rounded.
  (func $loadLastRowY (param $row i32) (param $buf i32) (param $w i32) (param $f v128) (param $decay i32)
    (local $col i32) (local $v v128)
    (loop $columns
      (local.set $v (f64x2.promote_low_f32x4
        (v128.load32_zero (i32.add (local.get $row) (i32.shl (local.get $col) (i32.const 2))))))
      (v128.store64_lane 0 (i32.add (local.get $buf) (i32.shl (local.get $col) (i32.const 3))) (local.get $v))
      (if (local.get $decay)
        (then
          (v128.store32_lane 0 (i32.add (local.get $row) (i32.shl (local.get $col) (i32.const 2)))
            (f32x4.demote_f64x2_zero (f64x2.mul (local.get $v) (local.get $f))))))
      (local.set $col (i32.add (local.get $col) (i32.const 1)))
      (br_if $columns (i32.lt_u (local.get $col) (local.get $w)))))

  ;; One implicit step of D·dt = $r on the w×h float32 field at $field: the x sweep (if w > 1) then the y
  ;; sweep (if h > 1), eight rows at a time so the y elimination reads rows the x sweep has just written, then
  ;; the y back substitution from the bottom row up, with the decay factor $f applied on the way if $decay is
  ;; set (for h = 1 that is all the last pass does).
  (func (export "diffuseFloat32")
    (param $field i32) (param $w i32) (param $h i32) (param $r f64)
    (param $mx i32) (param $gx i32) (param $my i32) (param $gy i32) (param $scratch i32) (param $buf i32)
    (param $f f64) (param $decay i32)
    (local $stride i32) (local $base i32) (local $k i32) (local $last i32) (local $top i32) (local $row i32)
    (local $rr v128) (local $ff v128)
    (local.set $stride (i32.shl (local.get $w) (i32.const 2)))
    (local.set $last (i32.sub (local.get $h) (i32.const 1)))
    (local.set $rr (f64x2.splat (local.get $r)))
    (local.set $ff (f64x2.splat (local.get $f)))
    (loop $groups
      (if (i32.gt_u (local.get $w) (i32.const 1))
        (then
          (call $sweepRowsX (local.get $field) (local.get $stride) (local.get $base) (local.get $last)
            (local.get $w) (local.get $r) (local.get $mx) (local.get $gx) (local.get $scratch))))
      (if (local.get $last)
        (then
          (local.set $top (i32.add (local.get $base) (i32.const 8)))
          (if (i32.gt_u (local.get $top) (local.get $h)) (then (local.set $top (local.get $h))))
          (local.set $k (local.get $base))
          (loop $rows
            (local.set $row (i32.add (local.get $field) (i32.mul (local.get $k) (local.get $stride))))
            (if (local.get $k)
              (then
                (call $eliminateRowY (local.get $row) (i32.sub (local.get $row) (local.get $stride)) (local.get $w)
                  (local.get $rr)
                  (v128.load64_splat (i32.add (local.get $my) (i32.shl (local.get $k) (i32.const 3))))))
              (else (call $scaleRow (local.get $row) (local.get $w) (v128.load64_splat (local.get $my)))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br_if $rows (i32.lt_u (local.get $k) (local.get $top))))))
      (local.set $base (i32.add (local.get $base) (i32.const 8)))
      (br_if $groups (i32.lt_u (local.get $base) (local.get $h))))
    (local.set $row (i32.add (local.get $field) (i32.mul (local.get $last) (local.get $stride))))
    (call $loadLastRowY (local.get $row) (local.get $buf) (local.get $w) (local.get $ff) (local.get $decay))
    (if (local.get $last)
      (then
        (local.set $k (local.get $last))
        (loop $rows
          (local.set $k (i32.sub (local.get $k) (i32.const 1)))
          (local.set $row (i32.sub (local.get $row) (local.get $stride)))
          (if (local.get $decay)
            (then
              (call $substituteDecayRowY (local.get $row) (local.get $buf) (local.get $w)
                (v128.load64_splat (i32.add (local.get $gy) (i32.shl (local.get $k) (i32.const 3))))
                (local.get $ff)))
            (else
              (call $substituteRowY (local.get $row) (local.get $buf) (local.get $w)
                (v128.load64_splat (i32.add (local.get $gy) (i32.shl (local.get $k) (i32.const 3)))))))
          (br_if $rows (local.get $k))))))

  ;; Byte address of row min(base + k, last) of the field.
  (func $rowAt (param $field i32) (param $stride i32) (param $base i32) (param $k i32) (param $last i32)
    (result i32)
    (local $row i32)
    (local.set $row (i32.add (local.get $base) (local.get $k)))
    (if (i32.gt_u (local.get $row) (local.get $last)) (then (local.set $row (local.get $last))))
    (i32.add (local.get $field) (i32.mul (local.get $row) (local.get $stride)))))
