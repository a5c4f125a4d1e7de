;; The innate cells' step (innateStep.ts, `stepInnate`) as a WebAssembly kernel. It must stay bit-identical to the
;; JavaScript loop: the same cells in the same order (a removed cell's place taken by the last, visited next), the
;; same draws in the same order from the engine's xoshiro128** generator (its state passed in and out through the
;; control block), the same double arithmetic on float32 fields and loads (rounded once when stored), and the same
;; boxes (the cytokine's grown where macrophages add it, so later moves see it grown, as in JavaScript).
;;
;; A line `;;@next $r` is the generator's step, its output in $r (scripts/write-wasm-kernels.mjs writes it out
;; there, one definition for every kernel, so that the four state words stay in locals, which the engine keeps in
;; registers; a call or globals would cost loads and stores per draw). Draws from it:
;;   - uniform (a line `;;@uniform $u $r1 $r2`, written out likewise): (r₁ >>> 5)·2^26 + (r₂ >>> 6), times 2^−53,
;;     as the engine's `uniform()`;
;;   - a site (a dead macrophage's replacement): the high word of r·n, drawing again while its low word is below
;;     (2^32 − n) mod n, as the engine's `integer(n)` (Lemire's method);
;;   - a Moore direction: r >>> 29, as moves.ts's `direction`.
;; An NK cell at an infected cell is left to JavaScript (innateStep.ts's `nkAttack`: an IFN-dependent hazard and a
;; Poisson apoptosis period): the kernel writes the generator state and the pool's count and returns the NK cell;
;; the caller runs its attack and calls again from the next cell. It returns −1 when every cell has stepped.
;;
;; Compiled by scripts/write-wasm-kernels.mjs into innateKernelBytes.ts. The memory is imported: the lung's
;; KernelMemory, which holds the pool's arrays, the epithelium and the fields. Pointers are byte offsets into it.
;; The control block (innateKernel.ts writes and reads it):
;;     0  i32 × 4  generator state s0 … s3 (in and out)
;;    16  i32      cells in the pool (in and out)
;;    20  i32      apoptotic cells engulfed (out, added to)
;;    24  i32 × 2  neutrophils and NK cells removed (out, added to)
;;    32  i32 × 4  the chemokine's box [x0, y0, x1, y1] (in)
;;    48  i32 × 4  the cytokine's box (in and out: grown where a macrophage adds cytokine)
;;    64  i32 × 4  the box where the cytokine is above the recruitment threshold (in and out, likewise)
;;    80  i32 × 4  the virions' box (in);  96  i32 × 4  the box of the cells that are not healthy (in)
;;   112  i32      1 with the boxes (the active method), 0 without (every site read)
;;   116  i32      1 if the box above the threshold is kept
;;   120  i32      the section's sites n;  124  i32  (2^32 − n) mod n
;;   128  f64 × 3  death probability per step, by type;  152  f64 × 3  mean moves per step, by type
;;   176  f64      mean moves of an inflammatory macrophage;  184  f64 × 3  bias by type
;;   208  i32 × 3  attractant by type (0 chemokine, 1 cytokine)
;;   224  f64 × 7  virionsLeft, engulf, activation, cellLoad, loadKept, cytokine, rosLevel (as in InnateRules)
;;   280  i32 × 8  dx of each Moore direction;  312  i32 × 8  dy (as the engine's MOORE_DIRECTIONS)
;;   344  i32 × 4  the box where cytokine was written since the fields' last step (in and out, likewise)
;;   360  i32      1 if the written box is kept
;;   368  i32 × 8  each Moore direction's site offset dy·w + dx (scratch: the kernel writes it)
;; Types (innate.ts): 0 macrophage, 1 neutrophil, 2 NK. Cell codes (cells.ts): 0 healthy, 1 incubating,
;; 2 expressing, 3 apoptotic, 4 dead.
(module
  (import "env" "memory" (memory 1))

  ;;@include mooreMoves.wat dx=280 dy=312 offsets=368

  ;; Whether site $s (column $x, row $y) is in the box at $b: [x0, y0, x1, y1], empty when x0 > x1 or y0 > y1.
  (func $inBox (param $b i32) (param $x i32) (param $y i32) (result i32)
    (i32.and
      (i32.and (i32.ge_s (local.get $x) (i32.load offset=0 (local.get $b))) (i32.le_s (local.get $x) (i32.load offset=8 (local.get $b))))
      (i32.and (i32.ge_s (local.get $y) (i32.load offset=4 (local.get $b))) (i32.le_s (local.get $y) (i32.load offset=12 (local.get $b))))))

  ;; Whether no Moore neighbour of column $x, row $y is in the box at $b (moves.ts's awayFrom).
  (func $awayFrom (param $b i32) (param $x i32) (param $y i32) (result i32)
    (if (result i32)
      (i32.or (i32.gt_s (i32.load offset=0 (local.get $b)) (i32.load offset=8 (local.get $b)))
              (i32.gt_s (i32.load offset=4 (local.get $b)) (i32.load offset=12 (local.get $b))))
      (then (i32.const 1))
      (else
        (i32.or
          (i32.or (i32.lt_s (local.get $x) (i32.sub (i32.load offset=0 (local.get $b)) (i32.const 1)))
                  (i32.gt_s (local.get $x) (i32.add (i32.load offset=8 (local.get $b)) (i32.const 1))))
          (i32.or (i32.lt_s (local.get $y) (i32.sub (i32.load offset=4 (local.get $b)) (i32.const 1)))
                  (i32.gt_s (local.get $y) (i32.add (i32.load offset=12 (local.get $b)) (i32.const 1))))))))

  ;; Grows the box at $b over column $x, row $y (the engine's includeSite).
  (func $include (param $b i32) (param $x i32) (param $y i32)
    (if (i32.or (i32.gt_s (i32.load offset=0 (local.get $b)) (i32.load offset=8 (local.get $b)))
                (i32.gt_s (i32.load offset=4 (local.get $b)) (i32.load offset=12 (local.get $b))))
      (then
        (i32.store offset=0 (local.get $b) (local.get $x))
        (i32.store offset=4 (local.get $b) (local.get $y))
        (i32.store offset=8 (local.get $b) (local.get $x))
        (i32.store offset=12 (local.get $b) (local.get $y))
        (return)))
    (if (i32.lt_s (local.get $x) (i32.load offset=0 (local.get $b))) (then (i32.store offset=0 (local.get $b) (local.get $x))))
    (if (i32.lt_s (local.get $y) (i32.load offset=4 (local.get $b))) (then (i32.store offset=4 (local.get $b) (local.get $y))))
    (if (i32.gt_s (local.get $x) (i32.load offset=8 (local.get $b))) (then (i32.store offset=8 (local.get $b) (local.get $x))))
    (if (i32.gt_s (local.get $y) (i32.load offset=12 (local.get $b))) (then (i32.store offset=12 (local.get $b) (local.get $y)))))

  ;; Leaves the generator state s0 … s3 and the pool's count in control block $c and returns $r.
  (func $leave (param $c i32) (param $s0 i32) (param $s1 i32) (param $s2 i32) (param $s3 i32) (param $count i32)
    (param $r i32) (result i32)
    (i32.store offset=0 (local.get $c) (local.get $s0))
    (i32.store offset=4 (local.get $c) (local.get $s1))
    (i32.store offset=8 (local.get $c) (local.get $s2))
    (i32.store offset=12 (local.get $c) (local.get $s3))
    (i32.store offset=16 (local.get $c) (local.get $count))
    (local.get $r))

  ;; Steps cells $k … of the pool (types, states, sites, loads at $type, $state, $site, $load) over the epithelium
  ;; (cells, timers, debris) and the fields of a $w × $h section.
  (func (export "step")
    (param $type i32) (param $state i32) (param $site i32) (param $load i32) (param $cells i32) (param $timers i32)
    (param $debris i32) (param $virions i32) (param $chemokine i32) (param $cytokine i32) (param $ros i32)
    (param $c i32) (param $k i32) (param $w i32) (param $h i32) (result i32)
    (local $count i32) (local $kind i32) (local $at i32) (local $x i32) (local $y i32) (local $m i32) (local $d i32)
    (local $to i32) (local $field i32) (local $box i32) (local $regions i32) (local $quiescent i32) (local $cell i32)
    (local $mean f64) (local $whole f64) (local $bias f64) (local $u f64) (local $v f64) (local $kept f64)
    (local $loaded f32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $r i32) (local $r2 i32) (local $t i32)
    (local.set $s0 (i32.load offset=0 (local.get $c)))
    (local.set $s1 (i32.load offset=4 (local.get $c)))
    (local.set $s2 (i32.load offset=8 (local.get $c)))
    (local.set $s3 (i32.load offset=12 (local.get $c)))
    (local.set $count (i32.load offset=16 (local.get $c)))
    (local.set $regions (i32.load offset=112 (local.get $c)))
    (call $offsets (local.get $c) (local.get $w))
    (block $finished
      (loop $pool
        (br_if $finished (i32.ge_s (local.get $k) (local.get $count)))
        (local.set $kind (i32.load8_u (i32.add (local.get $type) (local.get $k))))
        ;; Death: a macrophage is replaced by a resting one at a random site; the others leave.
                ;;@uniform $u $r $r2
        (if (f64.lt (local.get $u) (f64.load offset=128 (i32.add (local.get $c) (i32.shl (local.get $kind) (i32.const 3)))))
          (then
            (if (local.get $kind)
              (then
                (i32.store offset=20 (i32.add (local.get $c) (i32.shl (local.get $kind) (i32.const 2)))
                  (i32.add (i32.load offset=20 (i32.add (local.get $c) (i32.shl (local.get $kind) (i32.const 2)))) (i32.const 1)))
                (local.set $count (i32.sub (local.get $count) (i32.const 1)))
                (i32.store8 (i32.add (local.get $type) (local.get $k)) (i32.load8_u (i32.add (local.get $type) (local.get $count))))
                (i32.store8 (i32.add (local.get $state) (local.get $k)) (i32.load8_u (i32.add (local.get $state) (local.get $count))))
                (i32.store (i32.add (local.get $site) (i32.shl (local.get $k) (i32.const 2))) (i32.load (i32.add (local.get $site) (i32.shl (local.get $count) (i32.const 2)))))
                (f32.store (i32.add (local.get $load) (i32.shl (local.get $k) (i32.const 2))) (f32.load (i32.add (local.get $load) (i32.shl (local.get $count) (i32.const 2)))))
                (br $pool)))
            (i32.store8 (i32.add (local.get $state) (local.get $k)) (i32.const 0))
            (f32.store (i32.add (local.get $load) (i32.shl (local.get $k) (i32.const 2))) (f32.const 0))
            (loop $drawSite
                ;;@next $r
              (br_if $drawSite (i32.lt_u (i32.mul (local.get $r) (i32.load offset=120 (local.get $c)))
                (i32.load offset=124 (local.get $c)))))
            (i32.store (i32.add (local.get $site) (i32.shl (local.get $k) (i32.const 2)))
              (i32.wrap_i64 (i64.shr_u (i64.mul (i64.extend_i32_u (local.get $r))
                (i64.extend_i32_u (i32.load offset=120 (local.get $c)))) (i64.const 32))))))
        ;; Moves: the whole part of the mean, plus one with probability its fraction; each climbs the type's
        ;; attractant with the type's bias, else goes to a random neighbour (staying where that is beyond the edge).
        (local.set $mean (if (result f64)
          (i32.and (i32.eqz (local.get $kind)) (i32.eq (i32.load8_u (i32.add (local.get $state) (local.get $k))) (i32.const 1)))
          (then (f64.load offset=176 (local.get $c)))
          (else (f64.load offset=152 (i32.add (local.get $c) (i32.shl (local.get $kind) (i32.const 3)))))))
        (local.set $bias (f64.load offset=184 (i32.add (local.get $c) (i32.shl (local.get $kind) (i32.const 3)))))
        (if (i32.load offset=208 (i32.add (local.get $c) (i32.shl (local.get $kind) (i32.const 2))))
          (then (local.set $field (local.get $cytokine)) (local.set $box (i32.add (local.get $c) (i32.const 48))))
          (else (local.set $field (local.get $chemokine)) (local.set $box (i32.add (local.get $c) (i32.const 32)))))
        (local.set $whole (f64.floor (local.get $mean)))
        (local.set $m (i32.trunc_f64_s (local.get $whole)))
        (if (f64.gt (f64.sub (local.get $mean) (local.get $whole)) (f64.const 0))
          (then
                ;;@uniform $u $r $r2
            (if (f64.lt (local.get $u) (f64.sub (local.get $mean) (local.get $whole)))
              (then (local.set $m (i32.add (local.get $m) (i32.const 1)))))))
        (local.set $at (i32.load (i32.add (local.get $site) (i32.shl (local.get $k) (i32.const 2)))))
        (block $moved
          (loop $moves
            (br_if $moved (i32.le_s (local.get $m) (i32.const 0)))
            (local.set $y (i32.div_u (local.get $at) (local.get $w)))
            (local.set $x (i32.sub (local.get $at) (i32.mul (local.get $y) (local.get $w))))
            (local.set $d (i32.const 0))
            (if (f64.gt (local.get $bias) (f64.const 0))
              (then
                ;;@uniform $u $r $r2
                (local.set $d (f64.lt (local.get $u) (local.get $bias)))))
            ;;@next $r
            (local.set $to
              (if (result i32) (local.get $d)
                (then
                  (if (result i32) (i32.and (local.get $regions) (call $awayFrom (local.get $box) (local.get $x) (local.get $y)))
                    (then (call $neighbour (local.get $c) (local.get $x) (local.get $y) (i32.shr_u (local.get $r) (i32.const 29))
                      (local.get $w) (local.get $h)))
                    (else
                      (if (result i32) (call $inside (local.get $x) (local.get $y) (local.get $w) (local.get $h))
                        (then (call $steepestInside (local.get $c) (local.get $field) (local.get $at)
                          (i32.shr_u (local.get $r) (i32.const 29))))
                        (else (call $steepest (local.get $c) (local.get $field) (local.get $x) (local.get $y)
                          (i32.shr_u (local.get $r) (i32.const 29)) (local.get $w) (local.get $h)))))))
                (else (call $neighbour (local.get $c) (local.get $x) (local.get $y) (i32.shr_u (local.get $r) (i32.const 29))
                  (local.get $w) (local.get $h)))))
            (if (i32.ge_s (local.get $to) (i32.const 0)) (then (local.set $at (local.get $to))))
            (local.set $m (i32.sub (local.get $m) (i32.const 1)))
            (br $moves)))
        (i32.store (i32.add (local.get $site) (i32.shl (local.get $k) (i32.const 2))) (local.get $at))
        (local.set $y (i32.div_u (local.get $at) (local.get $w)))
        (local.set $x (i32.sub (local.get $at) (i32.mul (local.get $y) (local.get $w))))
        ;; Outside the regions there are no virions and every cell is healthy (nothing to read).
        (local.set $quiescent (i32.and (local.get $regions)
          (i32.eqz (call $inBox (i32.add (local.get $c) (i32.const 96)) (local.get $x) (local.get $y)))))
        (if (i32.eqz (local.get $kind))
          (then
            ;; A macrophage takes up a share of the virions, may engulf an apoptotic cell or clear debris, digests,
            ;; and is inflammatory (adding cytokine) while its load is at least the activation threshold.
            (local.set $v (f64.const 0))
            (if (i32.or (i32.eqz (local.get $regions)) (call $inBox (i32.add (local.get $c) (i32.const 80)) (local.get $x) (local.get $y)))
              (then (local.set $v (f64.promote_f32 (f32.load (i32.add (local.get $virions) (i32.shl (local.get $at) (i32.const 2))))))))
            (local.set $kept (f64.mul (local.get $v) (f64.load offset=224 (local.get $c))))
            (if (f64.ne (local.get $v) (f64.const 0))
              (then (f32.store (i32.add (local.get $virions) (i32.shl (local.get $at) (i32.const 2))) (f32.demote_f64 (local.get $kept)))))
            (f32.store (i32.add (local.get $load) (i32.shl (local.get $k) (i32.const 2)))
              (f32.demote_f64 (f64.add
                (f64.mul (f64.promote_f32 (f32.load (i32.add (local.get $load) (i32.shl (local.get $k) (i32.const 2))))) (f64.load offset=256 (local.get $c)))
                (f64.sub (local.get $v) (local.get $kept)))))
            (local.set $cell (if (result i32) (local.get $quiescent)
              (then (i32.const 0))
              (else (i32.load8_u (i32.add (local.get $cells) (local.get $at))))))
            (if (i32.or (i32.eq (local.get $cell) (i32.const 3))
                  (i32.and (i32.eq (local.get $cell) (i32.const 4)) (i32.ne (i32.load8_u (i32.add (local.get $debris) (local.get $at))) (i32.const 0))))
              (then
                  ;;@uniform $u $r $r2
                (if (f64.lt (local.get $u) (f64.load offset=232 (local.get $c)))
                  (then
                    (if (i32.eq (local.get $cell) (i32.const 3))
                      (then
                        (i32.store8 (i32.add (local.get $cells) (local.get $at)) (i32.const 4))
                        (f32.store (i32.add (local.get $timers) (i32.shl (local.get $at) (i32.const 2))) (f32.const 0))
                        (i32.store offset=20 (local.get $c) (i32.add (i32.load offset=20 (local.get $c)) (i32.const 1)))))
                    (i32.store8 (i32.add (local.get $debris) (local.get $at)) (i32.const 0))
                    (f32.store (i32.add (local.get $load) (i32.shl (local.get $k) (i32.const 2)))
                      (f32.demote_f64 (f64.add (f64.promote_f32 (f32.load (i32.add (local.get $load) (i32.shl (local.get $k) (i32.const 2)))))
                        (f64.load offset=248 (local.get $c)))))))))
            (local.set $loaded (f32.load (i32.add (local.get $load) (i32.shl (local.get $k) (i32.const 2)))))
            (if (f64.ge (f64.promote_f32 (local.get $loaded)) (f64.load offset=240 (local.get $c)))
              (then
                (i32.store8 (i32.add (local.get $state) (local.get $k)) (i32.const 1))
                (f32.store (i32.add (local.get $cytokine) (i32.shl (local.get $at) (i32.const 2)))
                  (f32.demote_f64 (f64.add (f64.promote_f32 (f32.load (i32.add (local.get $cytokine) (i32.shl (local.get $at) (i32.const 2)))))
                    (f64.load offset=264 (local.get $c)))))
                (if (local.get $regions)
                  (then
                    (call $include (i32.add (local.get $c) (i32.const 48)) (local.get $x) (local.get $y))
                    (if (i32.load offset=116 (local.get $c))
                      (then (call $include (i32.add (local.get $c) (i32.const 64)) (local.get $x) (local.get $y))))
                    (if (i32.load offset=360 (local.get $c))
                      (then (call $include (i32.add (local.get $c) (i32.const 344)) (local.get $x) (local.get $y)))))))
              (else (i32.store8 (i32.add (local.get $state) (local.get $k)) (i32.const 0)))))
          (else
            (if (i32.eq (local.get $kind) (i32.const 1))
              (then
                ;; A neutrophil holds its quasi-steady ROS at its site.
                (f32.store (i32.add (local.get $ros) (i32.shl (local.get $at) (i32.const 2)))
                  (f32.demote_f64 (f64.add (f64.promote_f32 (f32.load (i32.add (local.get $ros) (i32.shl (local.get $at) (i32.const 2)))))
                    (f64.load offset=272 (local.get $c))))))
              (else
                ;; An NK cell at an infected cell: its attack is the caller's.
                (if (i32.eqz (local.get $quiescent))
                  (then
                    (local.set $cell (i32.load8_u (i32.add (local.get $cells) (local.get $at))))
                    (if (i32.or (i32.eq (local.get $cell) (i32.const 1)) (i32.eq (local.get $cell) (i32.const 2)))
                      (then
                        (return (call $leave (local.get $c) (local.get $s0) (local.get $s1) (local.get $s2) (local.get $s3)
                          (local.get $count) (local.get $k)))))))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $pool)))
    (call $leave (local.get $c) (local.get $s0) (local.get $s1) (local.get $s2) (local.get $s3) (local.get $count)
      (i32.const -1))))
