;; The T-cell step (tCells.ts, `stepTCells`) as a WebAssembly kernel. It must stay bit-identical to the
;; JavaScript loop: the same T cells in the same order (a removed cell's place taken by the last), the same draws
;; in the same order from the engine's xoshiro128** generator (its state passed in and out through the control
;; block), and the same float32 rounding of each T cell's life and binding countdown when stored.
;;
;; A line `;;@next $r` is the generator's step, its output in $r (scripts/write-wasm-kernels.mjs writes it out
;; there, one definition for every kernel, so that the four state words stay in locals, which the engine keeps in
;; registers; a call or globals would cost loads and stores per draw). Draws from it:
;;   - uniform (a line `;;@uniform $u $r1 $r2`, written out likewise): (r₁ >>> 5)·2^26 + (r₂ >>> 6), times 2^−53,
;;     as the engine's `uniform()`;
;;   - one of 9 (the neighbour a T cell looks at first): the high word of r·9, drawing again while its low word
;;     is below (2^32 − 9) mod 9 = 4, as the engine's `integer(9)` (Lemire's method);
;;   - a Moore direction: r >>> 29, as moves.ts's `direction`.
;; A binding's apoptosis period (a Poisson draw) is left to JavaScript: the kernel makes the cell apoptotic, binds
;; the T cell, counts the kill, writes the generator state, the T cell's minute and the cell's site to the control
;; block and returns the T cell; the caller draws the period into the cell's timer and calls again to go on from
;; that T cell's next step in that minute. It returns −1 when every T cell has stepped.
;;
;; Compiled by scripts/write-wasm-kernels.mjs into tCellKernelBytes.ts. The memory is imported: the lung's
;; KernelMemory, which holds the pool's arrays, the cells, the timers and the chemokine. Pointers are byte offsets
;; into it. The control block (tCellKernel.ts writes and reads it):
;;     0  i32 × 4  generator state s0 … s3 (in and out)
;;    16  i32      T cells in the pool (in and out)
;;    20  i32      cells bound (out, added to)
;;    24  i32      on a return: the minute of the binding (the caller passes it back as $resume)
;;    28  i32      on a return: the site of the bound cell
;;    32  i32 × 8  dx of each Moore direction;  64  i32 × 8  dy (as the engine's MOORE_DIRECTIONS)
;;    96  i32 × 8  each direction's site offset dy·w + dx (scratch: the kernel writes it)
;; Cell codes (cells.ts): 2 expressing, 3 apoptotic.
(module
  (import "env" "memory" (memory 1))

  ;;@include mooreMoves.wat dx=32 dy=64 offsets=96

  ;; Not 0 under the caller's mask 0x808080 exactly when one of the low three bytes of $v is 2: the zero-byte
  ;; test on $v xor 0x02020202 (bit 7 of the lowest such byte is set; a borrow may set it in bytes above one,
  ;; which changes nothing in whether any is).
  (func $hasTwo (param $v i32) (result i32)
    (local.set $v (i32.xor (local.get $v) (i32.const 0x02020202)))
    (i32.and (i32.sub (local.get $v) (i32.const 0x01010101)) (i32.xor (local.get $v) (i32.const -1))))

  ;; Steps T cells $k … of the pool (sites, lives, binding countdowns at $site, $life, $bound; 1 per occupied
  ;; site at $occupied) by $minutes whole minutes over the cells and chemokine of a $w × $h section. $resume is −1,
  ;; or the minute in which T cell $k bound a cell (the caller has drawn its period): it goes on from there.
  (func (export "step")
    (param $site i32) (param $life i32) (param $bound i32) (param $occupied i32) (param $cells i32)
    (param $chemokine i32) (param $c i32) (param $k i32) (param $resume i32) (param $minutes i32) (param $w i32)
    (param $h i32) (param $moveRate f64) (param $chemotaxis f64) (param $bindingPeriod f32) (result i32)
    (local $count i32) (local $m i32) (local $resumed i32) (local $at i32) (local $x i32) (local $y i32)
    (local $j i32) (local $up i32) (local $d i32) (local $target i32) (local $to i32) (local $remaining f32) (local $u f64)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $r i32) (local $r2 i32) (local $t i32)
    (local.set $s0 (i32.load offset=0 (local.get $c)))
    (local.set $s1 (i32.load offset=4 (local.get $c)))
    (local.set $s2 (i32.load offset=8 (local.get $c)))
    (local.set $s3 (i32.load offset=12 (local.get $c)))
    (local.set $count (i32.load offset=16 (local.get $c)))
    (call $offsets (local.get $c) (local.get $w))
    (block $finished
      (loop $tCells
        (br_if $finished (i32.ge_s (local.get $k) (local.get $count)))
        (if (i32.ge_s (local.get $resume) (i32.const 0))
          (then
            (local.set $m (local.get $resume))
            (local.set $resume (i32.const -1))
            (local.set $resumed (i32.const 1)))
          (else
            ;; Its life counts down; at 0 it leaves (the last T cell takes its place and steps next).
            (local.set $remaining (f32.demote_f64 (f64.sub
              (f64.promote_f32 (f32.load (i32.add (local.get $life) (i32.shl (local.get $k) (i32.const 2)))))
              (f64.convert_i32_s (local.get $minutes)))))
            (f32.store (i32.add (local.get $life) (i32.shl (local.get $k) (i32.const 2))) (local.get $remaining))
            (if (f32.le (local.get $remaining) (f32.const 0))
              (then
                (i32.store8 (i32.add (local.get $occupied)
                  (i32.load (i32.add (local.get $site) (i32.shl (local.get $k) (i32.const 2))))) (i32.const 0))
                (local.set $count (i32.sub (local.get $count) (i32.const 1)))
                (i32.store (i32.add (local.get $site) (i32.shl (local.get $k) (i32.const 2)))
                  (i32.load (i32.add (local.get $site) (i32.shl (local.get $count) (i32.const 2)))))
                (f32.store (i32.add (local.get $life) (i32.shl (local.get $k) (i32.const 2)))
                  (f32.load (i32.add (local.get $life) (i32.shl (local.get $count) (i32.const 2)))))
                (f32.store (i32.add (local.get $bound) (i32.shl (local.get $k) (i32.const 2)))
                  (f32.load (i32.add (local.get $bound) (i32.shl (local.get $count) (i32.const 2)))))
                (br $tCells)))
            (local.set $m (i32.const 0))
            (local.set $resumed (i32.const 0))))
        (block $minutesDone
          (loop $minute
            (br_if $minutesDone (i32.ge_s (local.get $m) (local.get $minutes)))
            (block $nextMinute
              (local.set $at (i32.load (i32.add (local.get $site) (i32.shl (local.get $k) (i32.const 2)))))
              (local.set $y (i32.div_u (local.get $at) (local.get $w)))
              (local.set $x (i32.sub (local.get $at) (i32.mul (local.get $y) (local.get $w))))
              (if (local.get $resumed)
                (then
                  ;; After its binding in this minute: bound, the minute is over; else it may still move.
                  (local.set $resumed (i32.const 0))
                  (br_if $nextMinute (f32.gt (f32.load (i32.add (local.get $bound) (i32.shl (local.get $k) (i32.const 2))))
                    (f32.const 0))))
                (else
                  ;; Bound: the countdown goes on.
                  (if (f32.gt (f32.load (i32.add (local.get $bound) (i32.shl (local.get $k) (i32.const 2)))) (f32.const 0))
                    (then
                      (f32.store (i32.add (local.get $bound) (i32.shl (local.get $k) (i32.const 2)))
                        (f32.demote_f64 (f64.sub
                          (f64.promote_f32 (f32.load (i32.add (local.get $bound) (i32.shl (local.get $k) (i32.const 2)))))
                          (f64.const 1))))
                      (br $nextMinute)))
                  ;; Look round from one of the 9 (its own site is the 9th) for an expressing cell.
                  (block $nextLook
                    (loop $draw9
                        ;;@next $r
                      (br_if $draw9 (i32.lt_u (i32.mul (local.get $r) (i32.const 9)) (i32.const 4))))
                    (local.set $d (i32.wrap_i64 (i64.shr_u
                      (i64.mul (i64.extend_i32_u (local.get $r)) (i64.const 9)) (i64.const 32))))
                    (local.set $j (i32.const 0))
                    ;; Away from the edges (column 1 … w − 3, row 1 … h − 2), three 4-byte loads cover the 3 × 3
                    ;; cells round the site: where none of the 9 is expressing (code 2, no zero byte after an xor
                    ;; with 2), the look finds nothing and is skipped.
                    (if (i32.and
                          (i32.and (i32.gt_s (local.get $x) (i32.const 0)) (i32.lt_s (local.get $x) (i32.sub (local.get $w) (i32.const 2))))
                          (i32.and (i32.gt_s (local.get $y) (i32.const 0)) (i32.lt_s (local.get $y) (i32.sub (local.get $h) (i32.const 1)))))
                      (then
                        (br_if $nextLook (i32.eqz (i32.and (i32.const 0x808080)
                          (i32.or
                            (i32.or
                              (call $hasTwo (i32.load (i32.sub (i32.add (local.get $cells) (local.get $at)) (i32.add (local.get $w) (i32.const 1)))))
                              (call $hasTwo (i32.load (i32.sub (i32.add (local.get $cells) (local.get $at)) (i32.const 1)))))
                            (call $hasTwo (i32.load (i32.add (i32.add (local.get $cells) (local.get $at)) (i32.sub (local.get $w) (i32.const 1)))))))))))
                    (loop $look
                      (local.set $target (if (result i32) (i32.eq (local.get $d) (i32.const 8))
                        (then (local.get $at))
                        (else (call $neighbour (local.get $c) (local.get $x) (local.get $y) (local.get $d) (local.get $w)
                          (local.get $h)))))
                      (if (i32.ge_s (local.get $target) (i32.const 0))
                        (then
                          (if (i32.eq (i32.load8_u (i32.add (local.get $cells) (local.get $target))) (i32.const 2))
                            (then
                              ;; Bound: the cell is apoptotic; its period is drawn by the caller.
                              (i32.store8 (i32.add (local.get $cells) (local.get $target)) (i32.const 3))
                              (f32.store (i32.add (local.get $bound) (i32.shl (local.get $k) (i32.const 2)))
                                (local.get $bindingPeriod))
                              (i32.store offset=20 (local.get $c) (i32.add (i32.load offset=20 (local.get $c)) (i32.const 1)))
                              (i32.store offset=24 (local.get $c) (local.get $m))
                              (i32.store offset=28 (local.get $c) (local.get $target))
                              (return (call $leave (local.get $c) (local.get $s0) (local.get $s1) (local.get $s2)
                                (local.get $s3) (local.get $count) (local.get $k)))))))
                      (local.set $d (select (i32.const 0) (i32.add (local.get $d) (i32.const 1)) (i32.eq (local.get $d) (i32.const 8))))
                      (local.set $j (i32.add (local.get $j) (i32.const 1)))
                      (br_if $look (i32.lt_u (local.get $j) (i32.const 9)))))))
              ;; It moves with probability moveRate: up the chemokine's gradient with probability chemotaxis, else
              ;; to a random neighbour; not onto another T cell.
              (if (f64.lt (local.get $moveRate) (f64.const 1))
                (then
                  ;;@uniform $u $r $r2
                  (br_if $nextMinute (f64.ge (local.get $u) (local.get $moveRate)))))
              (local.set $up (i32.const 0))
              (if (f64.gt (local.get $chemotaxis) (f64.const 0))
                (then
                  ;;@uniform $u $r $r2
                  (local.set $up (f64.lt (local.get $u) (local.get $chemotaxis)))))
              ;;@next $r
              (local.set $d (i32.shr_u (local.get $r) (i32.const 29)))
              (local.set $to (if (result i32) (local.get $up)
                (then
                  (if (result i32) (call $inside (local.get $x) (local.get $y) (local.get $w) (local.get $h))
                    (then (call $steepestInside (local.get $c) (local.get $chemokine) (local.get $at) (local.get $d)))
                    (else (call $steepest (local.get $c) (local.get $chemokine) (local.get $x) (local.get $y) (local.get $d)
                      (local.get $w) (local.get $h)))))
                (else (call $neighbour (local.get $c) (local.get $x) (local.get $y) (local.get $d) (local.get $w)
                  (local.get $h)))))
              (if (i32.ge_s (local.get $to) (i32.const 0))
                (then
                  (if (i32.eqz (i32.load8_u (i32.add (local.get $occupied) (local.get $to))))
                    (then
                      (i32.store8 (i32.add (local.get $occupied) (local.get $at)) (i32.const 0))
                      (i32.store8 (i32.add (local.get $occupied) (local.get $to)) (i32.const 1))
                      (i32.store (i32.add (local.get $site) (i32.shl (local.get $k) (i32.const 2))) (local.get $to)))))))
            (local.set $m (i32.add (local.get $m) (i32.const 1)))
            (br $minute)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $tCells)))
    (call $leave (local.get $c) (local.get $s0) (local.get $s1) (local.get $s2) (local.get $s3) (local.get $count)
      (i32.const -1)))

  ;; Leaves the generator state s0 … s3 and the pool's count in control block $c and returns $r.
  (func $leave (param $c i32) (param $s0 i32) (param $s1 i32) (param $s2 i32) (param $s3 i32) (param $count i32)
    (param $r i32) (result i32)
    (i32.store offset=0 (local.get $c) (local.get $s0))
    (i32.store offset=4 (local.get $c) (local.get $s1))
    (i32.store offset=8 (local.get $c) (local.get $s2))
    (i32.store offset=12 (local.get $c) (local.get $s3))
    (i32.store offset=16 (local.get $c) (local.get $count))
    (local.get $r)))
