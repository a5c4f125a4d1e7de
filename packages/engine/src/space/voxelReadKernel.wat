;; The sites' readings of a field on voxels (VoxelDiffusionDecaySolver, voxelDiffusion.ts): each site the bilinear
;; interpolation of the voxels at its centre, in float64, stored as float32. It is the twin of the solver's
;; JavaScript `readRow` and `readInto` and must stay bit-identical to them: every operation is one float64 + or ×
;; in the same order (no fused multiply–add), each value promoted from float32 exactly and rounded to float32
;; once, when stored (to nearest, as a Float32Array store rounds).
;;
;; Compiled by scripts/write-wasm-kernels.mjs into voxelReadKernelBytes.ts. The memory is imported (the caller's
;; KernelMemory, where the voxels, the sites and the tables below live). For each site row y, the voxel rows it
;; reads, own and other (i32 tables indexed by y), and the other's weight w (f64 table); for each site column x
;; the same (column tables). Per site row:
;;   between[bx] = (1 − w)·voxel(own, bx) + w·voxel(other, bx)         for the voxel columns bx0 … bx1
;;   site x      = (1 − wx)·between[ownx] + wx·between[otherx]          (columns x0 … x1)
;; With 4-site voxels, the sites of the whole voxels k = from/16 … to/16 − 1 (byte offsets of their first sites
;; [from, to), each voxel with a neighbour on either side) take their weights 3/8 and 1/8 (1 − w: 5/8, 7/8) as
;; constants, two sites per float64 vector: the same products and sums as the tables give.
(module
  (import "env" "memory" (memory 1))

  ;; The readings of site rows y0 … y1, columns x0 … x1, stored from $target (site (x0, y0)) on, $stride bytes
  ;; a row; $between: one float64 per voxel column (scratch); $gw: voxel columns; $from/$to as above ($from =
  ;; $to: no whole voxels, every site from the tables).
  (func (export "read")
    (param $voxels i32) (param $gw i32) (param $between i32) (param $target i32) (param $stride i32)
    (param $x0 i32) (param $x1 i32) (param $y0 i32) (param $y1 i32) (param $bx0 i32) (param $bx1 i32)
    (param $rowOwn i32) (param $rowOther i32) (param $rowWeight i32)
    (param $colOwn i32) (param $colOther i32) (param $colWeight i32) (param $from i32) (param $to i32)
    (local $y i32) (local $a i32) (local $b i32) (local $w f64) (local $ww v128) (local $mw v128)
    (local $o i32) (local $end i32) (local $row i32) (local $k i32) (local $left i32) (local $mid v128)
    (local.set $y (local.get $y0))
    (local.set $row (local.get $target))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.gt_s (local.get $y) (local.get $y1)))
        ;; The row's reading between its two voxel rows, one value per voxel column, two at a time.
        (local.set $a (i32.add (local.get $voxels) (i32.shl (i32.mul
          (i32.load (i32.add (local.get $rowOwn) (i32.shl (local.get $y) (i32.const 2)))) (local.get $gw)) (i32.const 2))))
        (local.set $b (i32.add (local.get $voxels) (i32.shl (i32.mul
          (i32.load (i32.add (local.get $rowOther) (i32.shl (local.get $y) (i32.const 2)))) (local.get $gw)) (i32.const 2))))
        (local.set $w (f64.load (i32.add (local.get $rowWeight) (i32.shl (local.get $y) (i32.const 3)))))
        (local.set $ww (f64x2.splat (local.get $w)))
        (local.set $mw (f64x2.splat (f64.sub (f64.const 1) (local.get $w))))
        (local.set $o (i32.shl (local.get $bx0) (i32.const 2)))
        (local.set $end (i32.shl (i32.add (local.get $bx1) (i32.const 1)) (i32.const 2)))
        (block $done
          (loop $pairs
            (br_if $done (i32.gt_u (i32.add (local.get $o) (i32.const 8)) (local.get $end)))
            (v128.store (i32.add (local.get $between) (i32.shl (local.get $o) (i32.const 1)))
              (f64x2.add
                (f64x2.mul (local.get $mw)
                  (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $a) (local.get $o)))))
                (f64x2.mul (local.get $ww)
                  (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $b) (local.get $o)))))))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (br $pairs)))
        (if (i32.lt_u (local.get $o) (local.get $end))
          (then
            (f64.store (i32.add (local.get $between) (i32.shl (local.get $o) (i32.const 1)))
              (f64.add
                (f64.mul (f64x2.extract_lane 0 (local.get $mw))
                  (f64.promote_f32 (f32.load (i32.add (local.get $a) (local.get $o)))))
                (f64.mul (local.get $w) (f64.promote_f32 (f32.load (i32.add (local.get $b) (local.get $o)))))))))
        ;; The sites: from the tables before the whole voxels and after them, as constants within them.
        (local.set $o (i32.shl (local.get $x0) (i32.const 2)))
        (local.set $end (i32.shl (i32.add (local.get $x1) (i32.const 1)) (i32.const 2)))
        (if (i32.lt_u (local.get $from) (local.get $to))
          (then
            (call $fromTables (local.get $row) (local.get $o) (local.get $from) (local.get $x0) (local.get $between)
              (local.get $colOwn) (local.get $colOther) (local.get $colWeight))
            (local.set $k (i32.shr_u (local.get $from) (i32.const 4)))
            (local.set $o (local.get $from))
            (loop $voxels4
              ;; A whole voxel's four sites from the readings (float64) of its left neighbour, itself (b) and its
              ;; right neighbour: 5/8·b + 3/8·left, 7/8·b + 1/8·left, 7/8·b + 1/8·right, 5/8·b + 3/8·right.
              (local.set $left (i32.add (local.get $between) (i32.shl (i32.sub (local.get $k) (i32.const 1)) (i32.const 3))))
              (local.set $mid (v128.load64_splat offset=8 (local.get $left)))
              (v128.store (i32.add (local.get $row) (i32.sub (local.get $o) (i32.shl (local.get $x0) (i32.const 2))))
                (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
                  (f32x4.demote_f64x2_zero (f64x2.add (f64x2.mul (local.get $mid) (v128.const f64x2 0.625 0.875))
                    (f64x2.mul (v128.load64_splat (local.get $left)) (v128.const f64x2 0.375 0.125))))
                  (f32x4.demote_f64x2_zero (f64x2.add (f64x2.mul (local.get $mid) (v128.const f64x2 0.875 0.625))
                    (f64x2.mul (v128.load64_splat offset=16 (local.get $left)) (v128.const f64x2 0.125 0.375))))))
              (local.set $k (i32.add (local.get $k) (i32.const 1)))
              (local.set $o (i32.add (local.get $o) (i32.const 16)))
              (br_if $voxels4 (i32.lt_u (local.get $o) (local.get $to))))))
        (call $fromTables (local.get $row) (local.get $o) (local.get $end) (local.get $x0) (local.get $between)
          (local.get $colOwn) (local.get $colOther) (local.get $colWeight))
        (local.set $row (i32.add (local.get $row) (local.get $stride)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows))))

  ;; The sites at byte offsets [$o, $end) of the row (column x at $row + 4·(x − x0)) from the column tables.
  (func $fromTables (param $row i32) (param $o i32) (param $end i32) (param $x0 i32) (param $between i32)
    (param $own i32) (param $other i32) (param $weight i32)
    (local $w f64)
    (block $done
      (loop $sites
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (local.set $w (f64.load (i32.add (local.get $weight) (i32.shl (local.get $o) (i32.const 1)))))
        (f32.store (i32.add (local.get $row) (i32.sub (local.get $o) (i32.shl (local.get $x0) (i32.const 2))))
          (f32.demote_f64 (f64.add
            (f64.mul (f64.sub (f64.const 1) (local.get $w))
              (f64.load (i32.add (local.get $between)
                (i32.shl (i32.load (i32.add (local.get $own) (local.get $o))) (i32.const 3)))))
            (f64.mul (local.get $w)
              (f64.load (i32.add (local.get $between)
                (i32.shl (i32.load (i32.add (local.get $other) (local.get $o))) (i32.const 3))))))))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (br $sites))))
  )
