;; The Lung Twin's kernels' moves on the Moore neighbourhood of a closed lattice (moves.ts's, written out for
;; WebAssembly): functions spliced into a kernel's module by scripts/write-wasm-kernels.mjs where the kernel's
;; source says `;;@include mooreMoves.wat dx=… dy=… offsets=…`, each placeholder (its name in double braces)
;; replaced by the byte offset, in the kernel's control block at $c, of its 8 directions' dx (i32 × 8), their dy
;; (i32 × 8) and the scratch for their site offsets dy·w + dx (i32 × 8). One definition for the T-cell and the
;; innate kernel.

  ;; The k-th Moore neighbour of column $x, row $y on a closed $w × $h lattice, or −1 beyond the edge.
  (func $neighbour (param $c i32) (param $x i32) (param $y i32) (param $k i32) (param $w i32) (param $h i32)
    (result i32)
    (local.set $x (i32.add (local.get $x) (i32.load offset={{dx}} (i32.add (local.get $c) (i32.shl (local.get $k) (i32.const 2))))))
    (local.set $y (i32.add (local.get $y) (i32.load offset={{dy}} (i32.add (local.get $c) (i32.shl (local.get $k) (i32.const 2))))))
    (if (result i32)
      (i32.or
        (i32.or (i32.lt_s (local.get $x) (i32.const 0)) (i32.lt_s (local.get $y) (i32.const 0)))
        (i32.or (i32.ge_s (local.get $x) (local.get $w)) (i32.ge_s (local.get $y) (local.get $h))))
      (then (i32.const -1))
      (else (i32.add (i32.mul (local.get $y) (local.get $w)) (local.get $x)))))

  ;; moves.ts's steepestNeighbour: the neighbour with most of the field at $field, scanning the 8 directions from
  ;; $start round (the first of equals wins); the neighbour at $start where there is none above 0 (−1 beyond the
  ;; edge).
  (func $steepest (param $c i32) (param $field i32) (param $x i32) (param $y i32) (param $start i32) (param $w i32)
    (param $h i32) (result i32)
    (local $best i32) (local $most f32) (local $j i32) (local $n i32) (local $v f32)
    (local.set $best (call $neighbour (local.get $c) (local.get $x) (local.get $y) (local.get $start) (local.get $w) (local.get $h)))
    (loop $directions
      (local.set $n (call $neighbour (local.get $c) (local.get $x) (local.get $y)
        (i32.and (i32.add (local.get $start) (local.get $j)) (i32.const 7)) (local.get $w) (local.get $h)))
      (if (i32.ge_s (local.get $n) (i32.const 0))
        (then
          (local.set $v (f32.load (i32.add (local.get $field) (i32.shl (local.get $n) (i32.const 2)))))
          (if (f32.gt (local.get $v) (local.get $most))
            (then (local.set $most (local.get $v)) (local.set $best (local.get $n))))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br_if $directions (i32.lt_u (local.get $j) (i32.const 8))))
    (local.get $best))

  ;; The same away from the edges (column 1 … w − 2, row 1 … h − 2) for the site $at, by the 8 directions' site
  ;; offsets at $c + {{offsets}} ($offsets fills them): no bounds to check.
  (func $steepestInside (param $c i32) (param $field i32) (param $at i32) (param $start i32) (result i32)
    (local $best i32) (local $most f32) (local $j i32) (local $n i32) (local $v f32) (local $above i32)
    (local.set $best (i32.add (local.get $at)
      (i32.load offset={{offsets}} (i32.add (local.get $c) (i32.shl (local.get $start) (i32.const 2))))))
    (loop $directions
      (local.set $n (i32.add (local.get $at) (i32.load offset={{offsets}} (i32.add (local.get $c)
        (i32.shl (i32.and (i32.add (local.get $start) (local.get $j)) (i32.const 7)) (i32.const 2))))))
      (local.set $v (f32.load (i32.add (local.get $field) (i32.shl (local.get $n) (i32.const 2)))))
      (local.set $above (f32.gt (local.get $v) (local.get $most)))
      (local.set $most (select (local.get $v) (local.get $most) (local.get $above)))
      (local.set $best (select (local.get $n) (local.get $best) (local.get $above)))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br_if $directions (i32.lt_u (local.get $j) (i32.const 8))))
    (local.get $best))

  ;; Writes each Moore direction's site offset dy·$w + dx at $c + {{offsets}}, for $steepestInside.
  (func $offsets (param $c i32) (param $w i32)
    (local $k i32)
    (loop $directions
      (i32.store offset={{offsets}} (i32.add (local.get $c) (i32.shl (local.get $k) (i32.const 2)))
        (i32.add (i32.mul (i32.load offset={{dy}} (i32.add (local.get $c) (i32.shl (local.get $k) (i32.const 2)))) (local.get $w))
          (i32.load offset={{dx}} (i32.add (local.get $c) (i32.shl (local.get $k) (i32.const 2))))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $directions (i32.lt_u (local.get $k) (i32.const 8)))))

  ;; Whether column $x, row $y of a $w × $h lattice is away from its edges (column 1 … w − 2, row 1 … h − 2).
  (func $inside (param $x i32) (param $y i32) (param $w i32) (param $h i32) (result i32)
    (i32.and
      (i32.and (i32.gt_s (local.get $x) (i32.const 0)) (i32.lt_s (local.get $x) (i32.sub (local.get $w) (i32.const 1))))
      (i32.and (i32.gt_s (local.get $y) (i32.const 0)) (i32.lt_s (local.get $y) (i32.sub (local.get $h) (i32.const 1))))))
