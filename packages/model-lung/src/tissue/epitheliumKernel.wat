;; The epithelium step (epithelium.ts, `stepEpithelium`) as a WebAssembly kernel. It must stay bit-identical to
;; the JavaScript loop: the same sites in the same order, the same draws in the same order from the engine's
;; xoshiro128** generator (its state passed in and out through the control block), the same double arithmetic
;; (field values and timers are float32, promoted to f64 for every operation and rounded once when stored, as a
;; JavaScript Float32Array store rounds), and the same probabilities: 1 − e^(−x) is −expm1(−x) with stdlib-js's
;; expm1 (the engine's portableMath), ported below for x ≤ 0 operation for operation. No fused multiply–add, no
;; reassociation.
;;
;; A line `;;@next $r` is the generator's step, its output in $r (scripts/write-wasm-kernels.mjs writes it out
;; there, one definition for every kernel, so that the four state words stay in locals, which the engine keeps in
;; registers; a call or globals would cost loads and stores per draw).
;; A line `;;@uniform $u $r1 $r2` is a draw, the engine's `uniform()` into $u (written out there too): two
;; generator outputs r₁, r₂, then (r₁ >>> 5)·2^26 + (r₂ >>> 6), times 2^−53.
;; A Poisson draw (a new incubating or expressing period) is left to JavaScript: the kernel sets the site's new
;; state, writes the generator state and the period's kind to the control block and returns the site; the
;; caller draws the period with the engine's generator, writes the timer and calls again from the next site.
;; It returns −1 when the region is done.
;;
;; Compiled by scripts/write-wasm-kernels.mjs into epitheliumKernelBytes.ts. The memory is imported: the lung's
;; KernelMemory, which holds the fields and the epithelial arrays, so nothing is copied. Pointers are byte
;; offsets into it. The control block (epitheliumKernel.ts writes and reads it):
;;     0  i32 × 4  generator state s0 … s3 (in and out)
;;    16  i32 × 4  the box of changed sites [x0, y0, x1, y1] (in and out; grown where a cell leaves healthy)
;;    32  i32 × 3  deaths, ROS deaths (out, added to), the kind of period to draw (out: 0 incubation,
;;                 1 expressing)
;;    48  f64 × 13 minutes, infectionHazard, antiviralHazardShare, antiviralEntry, antiviralExit, ifnHalf,
;;                 virions, chemokine, ifn, cytokine, rosThreshold, rosKill, rosHalf (as in EpitheliumRates)
;;   152  f64 × 9  regeneration probability by live type II neighbours
;; Cell codes (cells.ts): 0 healthy, 1 incubating, 2 expressing, 3 apoptotic, 4 dead, 5 antiviral; type II is 1.
(module
  (import "env" "memory" (memory 1))
  ;; stdlib-js's expm1(x) for x ≤ 0 (and NaN): its branches for a negative argument, operation for operation
  ;; (msun's algorithm: reduction by k·ln 2 with ln 2 split in two, a rational approximation on the reduced
  ;; argument, then the reconstruction for k = 0, k = −1 and k ≤ −2). Exported for the test against stdlib.
  (func $expm1 (export "expm1") (param $x f64) (result f64)
    (local $y f64) (local $hi f64) (local $lo f64) (local $c f64) (local $t f64) (local $k i32)
    (local $halfX f64) (local $z f64) (local $r1 f64) (local $e f64)
    (if (i32.or (f64.ne (local.get $x) (local.get $x)) (f64.eq (local.get $x) (f64.const 0)))
      (then (return (local.get $x))))
    (local.set $y (f64.neg (local.get $x)))
    ;; |x| ≥ 56·ln 2: −1.
    (if (f64.ge (local.get $y) (f64.const 3.88162421113569373274e+01)) (then (return (f64.const -1))))
    (if (f64.gt (local.get $y) (f64.const 0.34657359027997264))
      (then
        (if (f64.lt (local.get $y) (f64.const 1.03972077083991796413e+00))
          (then
            (local.set $hi (f64.add (local.get $x) (f64.const 6.93147180369123816490e-01)))
            (local.set $lo (f64.neg (f64.const 1.90821492927058770002e-10)))
            (local.set $k (i32.const -1)))
          (else
            ;; k = (LN2_INV·x − 0.5) | 0: truncation toward 0 (|k| ≤ 56 here).
            (local.set $k (i32.trunc_f64_s
              (f64.sub (f64.mul (f64.const 1.44269504088896338700e+00) (local.get $x)) (f64.const 0.5))))
            (local.set $t (f64.convert_i32_s (local.get $k)))
            (local.set $hi (f64.sub (local.get $x) (f64.mul (local.get $t) (f64.const 6.93147180369123816490e-01))))
            (local.set $lo (f64.mul (local.get $t) (f64.const 1.90821492927058770002e-10)))))
        (local.set $x (f64.sub (local.get $hi) (local.get $lo)))
        (local.set $c (f64.sub (f64.sub (local.get $hi) (local.get $x)) (local.get $lo))))
      (else
        ;; |x| < 2^−54 (high word below 0x3C900000): x.
        (if (i32.lt_s (i32.wrap_i64 (i64.shr_u (i64.reinterpret_f64 (local.get $y)) (i64.const 32)))
              (i32.const 1016070144))
          (then (return (local.get $x))))
        (local.set $k (i32.const 0))))
    (local.set $halfX (f64.mul (f64.const 0.5) (local.get $x)))
    (local.set $z (f64.mul (local.get $x) (local.get $halfX)))
    (local.set $r1 (f64.add (f64.const 1)
      (f64.mul (local.get $z)
        (f64.add (f64.const -0.03333333333333313) (f64.mul (local.get $z)
          (f64.add (f64.const 0.0015873015872548146) (f64.mul (local.get $z)
            (f64.add (f64.const -0.0000793650757867488) (f64.mul (local.get $z)
              (f64.add (f64.const 0.000004008217827329362) (f64.mul (local.get $z)
                (f64.const -2.0109921818362437e-7))))))))))))
    (local.set $t (f64.sub (f64.const 3) (f64.mul (local.get $r1) (local.get $halfX))))
    (local.set $e (f64.mul (local.get $z)
      (f64.div (f64.sub (local.get $r1) (local.get $t))
        (f64.sub (f64.const 6) (f64.mul (local.get $x) (local.get $t))))))
    (if (i32.eqz (local.get $k))
      (then (return (f64.sub (local.get $x) (f64.sub (f64.mul (local.get $x) (local.get $e)) (local.get $z))))))
    (local.set $e (f64.sub (f64.mul (local.get $x) (f64.sub (local.get $e) (local.get $c))) (local.get $c)))
    (local.set $e (f64.sub (local.get $e) (local.get $z)))
    (if (i32.eq (local.get $k) (i32.const -1))
      (then (return (f64.sub (f64.mul (f64.const 0.5) (f64.sub (local.get $x) (local.get $e))) (f64.const 0.5)))))
    ;; k ≤ −2: (1 − (e − x))·2^k − 1, 2^k from its exponent bits.
    (f64.sub
      (f64.mul (f64.sub (f64.const 1) (f64.sub (local.get $e) (local.get $x)))
        (f64.reinterpret_i64 (i64.shl (i64.extend_i32_s (i32.add (i32.const 1023) (local.get $k))) (i64.const 52))))
      (f64.const 1)))

  ;; Probability of at least one event of a Poisson process with mean $h ≥ 0: −expm1(−h).
  (func $probability (param $h f64) (result f64)
    (f64.neg (call $expm1 (f64.neg (local.get $h)))))

  ;; Probability over a step that a healthy cell ($healthy 1) enters the antiviral state under IFN $signal, or
  ;; that an antiviral cell leaves it (epithelium.ts, switchProbability).
  (func $switchProbability (param $healthy i32) (param $signal f64) (param $entry f64) (param $exit f64)
    (param $ifnHalf f64) (result f64)
    (if (result f64) (local.get $healthy)
      (then
        (if (result f64) (f64.gt (local.get $signal) (f64.const 0))
          (then (f64.div (f64.mul (local.get $entry) (local.get $signal)) (f64.add (local.get $signal) (local.get $ifnHalf))))
          (else (f64.const 0))))
      (else (f64.div (f64.mul (local.get $exit) (local.get $ifnHalf)) (f64.add (local.get $signal) (local.get $ifnHalf))))))

  ;; Grows the changed box at control block $c over site $i of a lattice $w wide.
  (func $include (param $c i32) (param $i i32) (param $w i32)
    (local $x i32) (local $y i32)
    (local.set $y (i32.div_u (local.get $i) (local.get $w)))
    (local.set $x (i32.sub (local.get $i) (i32.mul (local.get $y) (local.get $w))))
    (if (i32.or (i32.gt_s (i32.load offset=16 (local.get $c)) (i32.load offset=24 (local.get $c)))
                (i32.gt_s (i32.load offset=20 (local.get $c)) (i32.load offset=28 (local.get $c))))
      (then
        (i32.store offset=16 (local.get $c) (local.get $x))
        (i32.store offset=20 (local.get $c) (local.get $y))
        (i32.store offset=24 (local.get $c) (local.get $x))
        (i32.store offset=28 (local.get $c) (local.get $y))
        (return)))
    (if (i32.lt_s (local.get $x) (i32.load offset=16 (local.get $c))) (then (i32.store offset=16 (local.get $c) (local.get $x))))
    (if (i32.lt_s (local.get $y) (i32.load offset=20 (local.get $c))) (then (i32.store offset=20 (local.get $c) (local.get $y))))
    (if (i32.gt_s (local.get $x) (i32.load offset=24 (local.get $c))) (then (i32.store offset=24 (local.get $c) (local.get $x))))
    (if (i32.gt_s (local.get $y) (i32.load offset=28 (local.get $c))) (then (i32.store offset=28 (local.get $c) (local.get $y)))))

  ;; 1 if the site at column $x, row $y of a $w × $h lattice exists and holds a live (healthy or antiviral)
  ;; type II cell, else 0.
  (func $progenitor (param $cells i32) (param $types i32) (param $x i32) (param $y i32) (param $w i32) (param $h i32)
    (result i32)
    (local $j i32) (local $state i32)
    (if (i32.or (i32.or (i32.lt_s (local.get $x) (i32.const 0)) (i32.lt_s (local.get $y) (i32.const 0)))
                (i32.or (i32.ge_s (local.get $x) (local.get $w)) (i32.ge_s (local.get $y) (local.get $h))))
      (then (return (i32.const 0))))
    (local.set $j (i32.add (i32.mul (local.get $y) (local.get $w)) (local.get $x)))
    (local.set $state (i32.load8_u (i32.add (local.get $cells) (local.get $j))))
    (i32.and
      (i32.eq (i32.load8_u (i32.add (local.get $types) (local.get $j))) (i32.const 1))
      (i32.or (i32.eqz (local.get $state)) (i32.eq (local.get $state) (i32.const 5)))))

  ;; Leaves the generator state s0 … s3 in control block $c and returns $r.
  (func $leave (param $c i32) (param $s0 i32) (param $s1 i32) (param $s2 i32) (param $s3 i32) (param $r i32)
    (result i32)
    (i32.store offset=0 (local.get $c) (local.get $s0))
    (i32.store offset=4 (local.get $c) (local.get $s1))
    (i32.store offset=8 (local.get $c) (local.get $s2))
    (i32.store offset=12 (local.get $c) (local.get $s3))
    (local.get $r))

  ;; The sites of rows $row … $y1, columns $x0 … $x1, of rows $rowWidth sites long, starting at site $i of
  ;; $row (the dense method passes the whole section as one row); $w × $h is the lattice (neighbours), $track
  ;; is 1 if the changed box is kept. Returns −1 when done, or a site whose new period is to be drawn.
  (func (export "step")
    (param $cells i32) (param $types i32) (param $timers i32) (param $debris i32) (param $virions i32)
    (param $ifn i32) (param $chemokine i32) (param $cytokine i32) (param $ros i32) (param $c i32)
    (param $rowWidth i32) (param $x0 i32) (param $x1 i32) (param $y1 i32) (param $row i32) (param $i i32)
    (param $w i32) (param $h i32) (param $track i32) (result i32)
    (local $end i32) (local $state i32) (local $healthy i32) (local $x i32) (local $y i32) (local $n i32)
    (local $ox f64) (local $hazard f64) (local $signal f64) (local $switch f64) (local $p f64) (local $u f64)
    (local $timer f32) (local $bounded i32) (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $r1 i32) (local $r2 i32)
    (local $t i32)
    (local $minutes f64) (local $infection f64) (local $share f64) (local $entry f64) (local $exit f64)
    (local $ifnHalf f64) (local $addVirions f64) (local $addChemokine f64) (local $addIfn f64)
    (local $addCytokine f64) (local $rosThreshold f64) (local $rosKill f64) (local $rosHalf f64)
    (local.set $s0 (i32.load offset=0 (local.get $c)))
    (local.set $s1 (i32.load offset=4 (local.get $c)))
    (local.set $s2 (i32.load offset=8 (local.get $c)))
    (local.set $s3 (i32.load offset=12 (local.get $c)))
    (local.set $minutes (f64.load offset=48 (local.get $c)))
    (local.set $infection (f64.load offset=56 (local.get $c)))
    (local.set $share (f64.load offset=64 (local.get $c)))
    (local.set $entry (f64.load offset=72 (local.get $c)))
    (local.set $exit (f64.load offset=80 (local.get $c)))
    (local.set $ifnHalf (f64.load offset=88 (local.get $c)))
    (local.set $addVirions (f64.load offset=96 (local.get $c)))
    (local.set $addChemokine (f64.load offset=104 (local.get $c)))
    (local.set $addIfn (f64.load offset=112 (local.get $c)))
    (local.set $addCytokine (f64.load offset=120 (local.get $c)))
    (local.set $rosThreshold (f64.load offset=128 (local.get $c)))
    (local.set $rosKill (f64.load offset=136 (local.get $c)))
    (local.set $rosHalf (f64.load offset=144 (local.get $c)))
    (block $finished
      (loop $rows
        (br_if $finished (i32.gt_s (local.get $row) (local.get $y1)))
        (local.set $end (i32.add (i32.mul (local.get $row) (local.get $rowWidth)) (local.get $x1)))
        (block $rowDone
          (loop $sites
            (br_if $rowDone (i32.gt_s (local.get $i) (local.get $end)))
            (block $next
              (local.set $state (i32.load8_u (i32.add (local.get $cells) (local.get $i))))
              (local.set $ox (f64.promote_f32 (f32.load (i32.add (local.get $ros) (i32.shl (local.get $i) (i32.const 2))))))
              ;; ROS kills a live cell (not dead, not apoptotic) with probability 1 − e^(−rosKill·R/(R + rosHalf)).
              (if (i32.and
                    (i32.and (f64.gt (local.get $ox) (f64.const 0)) (f64.ge (local.get $ox) (local.get $rosThreshold)))
                    (i32.and (i32.ne (local.get $state) (i32.const 4)) (i32.ne (local.get $state) (i32.const 3))))
                (then
                  ;;@uniform $u $r1 $r2
                  (if (f64.lt (local.get $u)
                        (call $probability (f64.div (f64.mul (local.get $rosKill) (local.get $ox))
                          (f64.add (local.get $ox) (local.get $rosHalf)))))
                    (then
                      (i32.store8 (i32.add (local.get $cells) (local.get $i)) (i32.const 4))
                      (f32.store (i32.add (local.get $timers) (i32.shl (local.get $i) (i32.const 2))) (f32.const 0))
                      (i32.store8 (i32.add (local.get $debris) (local.get $i)) (i32.const 1))
                      (i32.store offset=32 (local.get $c) (i32.add (i32.load offset=32 (local.get $c)) (i32.const 1)))
                      (i32.store offset=36 (local.get $c) (i32.add (i32.load offset=36 (local.get $c)) (i32.const 1)))
                      (if (local.get $track) (then (call $include (local.get $c) (local.get $i) (local.get $w))))
                      (br $next)))))
              ;; Healthy or antiviral: infection by the virions at the site, else the switch under IFN (one draw).
              (if (i32.or (i32.eqz (local.get $state)) (i32.eq (local.get $state) (i32.const 5)))
                (then
                  (local.set $healthy (i32.eqz (local.get $state)))
                  (local.set $hazard (f64.mul
                    (f64.mul (local.get $infection)
                      (f64.promote_f32 (f32.load (i32.add (local.get $virions) (i32.shl (local.get $i) (i32.const 2))))))
                    (select (f64.const 1) (local.get $share) (local.get $healthy))))
                  (local.set $signal
                    (f64.promote_f32 (f32.load (i32.add (local.get $ifn) (i32.shl (local.get $i) (i32.const 2))))))
                  ;; Where a draw at or above the rejection bound (epithelium.ts, rejectionBound) settles the
                  ;; outcome (nothing happens), the draw comes first and the probabilities' arithmetic is skipped.
                  (local.set $bounded
                    (i32.and (f64.gt (local.get $hazard) (f64.const 0)) (f64.ge (local.get $signal) (f64.const 0))))
                  (if (i32.eqz (local.get $bounded))
                    (then
                      (local.set $switch (call $switchProbability (local.get $healthy) (local.get $signal)
                        (local.get $entry) (local.get $exit) (local.get $ifnHalf)))
                      (br_if $next (i32.and (f64.le (local.get $hazard) (f64.const 0))
                        (f64.le (local.get $switch) (f64.const 0))))))
                  ;;@uniform $u $r1 $r2
                  (if (local.get $bounded)
                    (then
                      (br_if $next (f64.ge (local.get $u)
                        (f64.mul (f64.add (local.get $hazard) (select (local.get $entry) (local.get $exit) (local.get $healthy)))
                          (f64.const 0x1.000000000002dp+0))))
                      (local.set $switch (call $switchProbability (local.get $healthy) (local.get $signal)
                        (local.get $entry) (local.get $exit) (local.get $ifnHalf)))))
                  ;; 1 − e^(−0) is 0 (±0: the tests below give the same for either).
                  (local.set $p (if (result f64) (f64.eq (local.get $hazard) (f64.const 0))
                    (then (f64.const 0))
                    (else (call $probability (local.get $hazard)))))
                  (if (f64.lt (local.get $u) (local.get $p))
                    (then
                      (i32.store8 (i32.add (local.get $cells) (local.get $i)) (i32.const 1))
                      (if (local.get $track) (then (call $include (local.get $c) (local.get $i) (local.get $w))))
                      (i32.store offset=40 (local.get $c) (i32.const 0))
                      (return (call $leave (local.get $c) (local.get $s0) (local.get $s1) (local.get $s2) (local.get $s3) (local.get $i)))))
                  (if (f64.lt (local.get $u)
                        (f64.add (local.get $p) (f64.mul (f64.sub (f64.const 1) (local.get $p)) (local.get $switch))))
                    (then
                      (i32.store8 (i32.add (local.get $cells) (local.get $i)) (select (i32.const 5) (i32.const 0) (local.get $healthy)))
                      (if (local.get $track) (then (call $include (local.get $c) (local.get $i) (local.get $w))))))
                  (br $next)))
              ;; Incubating: secretes IFN; its period counts down, then it expresses (a new period to draw).
              (if (i32.eq (local.get $state) (i32.const 1))
                (then
                  (f32.store (i32.add (local.get $ifn) (i32.shl (local.get $i) (i32.const 2)))
                    (f32.demote_f64 (f64.add (f64.promote_f32 (f32.load (i32.add (local.get $ifn) (i32.shl (local.get $i) (i32.const 2)))))
                      (local.get $addIfn))))
                  (local.set $timer (f32.demote_f64 (f64.sub
                    (f64.promote_f32 (f32.load (i32.add (local.get $timers) (i32.shl (local.get $i) (i32.const 2)))))
                    (local.get $minutes))))
                  (f32.store (i32.add (local.get $timers) (i32.shl (local.get $i) (i32.const 2))) (local.get $timer))
                  (if (f32.le (local.get $timer) (f32.const 0))
                    (then
                      (i32.store8 (i32.add (local.get $cells) (local.get $i)) (i32.const 2))
                      (i32.store offset=40 (local.get $c) (i32.const 1))
                      (return (call $leave (local.get $c) (local.get $s0) (local.get $s1) (local.get $s2) (local.get $s3) (local.get $i)))))
                  (br $next)))
              ;; Expressing or apoptotic: releases virions, chemokine (capped at 1), IFN and (expressing) cytokine;
              ;; its period counts down, then it dies and leaves debris.
              (if (i32.or (i32.eq (local.get $state) (i32.const 2)) (i32.eq (local.get $state) (i32.const 3)))
                (then
                  (f32.store (i32.add (local.get $virions) (i32.shl (local.get $i) (i32.const 2)))
                    (f32.demote_f64 (f64.add (f64.promote_f32 (f32.load (i32.add (local.get $virions) (i32.shl (local.get $i) (i32.const 2)))))
                      (local.get $addVirions))))
                  (f32.store (i32.add (local.get $chemokine) (i32.shl (local.get $i) (i32.const 2)))
                    (f32.demote_f64 (f64.min (f64.const 1)
                      (f64.add (f64.promote_f32 (f32.load (i32.add (local.get $chemokine) (i32.shl (local.get $i) (i32.const 2)))))
                        (local.get $addChemokine)))))
                  (f32.store (i32.add (local.get $ifn) (i32.shl (local.get $i) (i32.const 2)))
                    (f32.demote_f64 (f64.add (f64.promote_f32 (f32.load (i32.add (local.get $ifn) (i32.shl (local.get $i) (i32.const 2)))))
                      (local.get $addIfn))))
                  (if (i32.eq (local.get $state) (i32.const 2))
                    (then
                      (f32.store (i32.add (local.get $cytokine) (i32.shl (local.get $i) (i32.const 2)))
                        (f32.demote_f64 (f64.add (f64.promote_f32 (f32.load (i32.add (local.get $cytokine) (i32.shl (local.get $i) (i32.const 2)))))
                          (local.get $addCytokine))))))
                  (local.set $timer (f32.demote_f64 (f64.sub
                    (f64.promote_f32 (f32.load (i32.add (local.get $timers) (i32.shl (local.get $i) (i32.const 2)))))
                    (local.get $minutes))))
                  (f32.store (i32.add (local.get $timers) (i32.shl (local.get $i) (i32.const 2))) (local.get $timer))
                  (if (f32.le (local.get $timer) (f32.const 0))
                    (then
                      (i32.store8 (i32.add (local.get $cells) (local.get $i)) (i32.const 4))
                      (f32.store (i32.add (local.get $timers) (i32.shl (local.get $i) (i32.const 2))) (f32.const 0))
                      (i32.store8 (i32.add (local.get $debris) (local.get $i)) (i32.const 1))
                      (i32.store offset=32 (local.get $c) (i32.add (i32.load offset=32 (local.get $c)) (i32.const 1)))))
                  (br $next)))
              ;; Dead: refilled with the probability for its number of live type II neighbours.
              (if (i32.eq (local.get $state) (i32.const 4))
                (then
                  (local.set $y (i32.div_u (local.get $i) (local.get $w)))
                  (local.set $x (i32.sub (local.get $i) (i32.mul (local.get $y) (local.get $w))))
                  ;; Live type II neighbours: away from the edges at fixed offsets (a state is live when it is 0 or 5:
                  ;; bit `state` of 0b100001), at the edges through $progenitor's bounds.
                  (if (i32.and
                        (i32.and (i32.gt_s (local.get $x) (i32.const 0)) (i32.lt_s (local.get $x) (i32.sub (local.get $w) (i32.const 1))))
                        (i32.and (i32.gt_s (local.get $y) (i32.const 0)) (i32.lt_s (local.get $y) (i32.sub (local.get $h) (i32.const 1)))))
                    (then
                      (local.set $n
                        (i32.add
                          (i32.add
                            (i32.add
                              (i32.and (i32.eq (i32.load8_u (i32.add (local.get $types) (i32.add (local.get $i) (i32.sub (i32.const -1) (local.get $w))))) (i32.const 1))
                                (i32.and (i32.shr_u (i32.const 33) (i32.load8_u (i32.add (local.get $cells) (i32.add (local.get $i) (i32.sub (i32.const -1) (local.get $w)))))) (i32.const 1)))
                              (i32.and (i32.eq (i32.load8_u (i32.add (local.get $types) (i32.add (local.get $i) (i32.sub (i32.const 0) (local.get $w))))) (i32.const 1))
                                (i32.and (i32.shr_u (i32.const 33) (i32.load8_u (i32.add (local.get $cells) (i32.add (local.get $i) (i32.sub (i32.const 0) (local.get $w)))))) (i32.const 1))))
                            (i32.add
                              (i32.and (i32.eq (i32.load8_u (i32.add (local.get $types) (i32.add (local.get $i) (i32.sub (i32.const 1) (local.get $w))))) (i32.const 1))
                                (i32.and (i32.shr_u (i32.const 33) (i32.load8_u (i32.add (local.get $cells) (i32.add (local.get $i) (i32.sub (i32.const 1) (local.get $w)))))) (i32.const 1)))
                              (i32.and (i32.eq (i32.load8_u (i32.add (local.get $types) (i32.add (local.get $i) (i32.const -1)))) (i32.const 1))
                                (i32.and (i32.shr_u (i32.const 33) (i32.load8_u (i32.add (local.get $cells) (i32.add (local.get $i) (i32.const -1))))) (i32.const 1)))))
                          (i32.add
                            (i32.add
                              (i32.and (i32.eq (i32.load8_u (i32.add (local.get $types) (i32.add (local.get $i) (i32.const 1)))) (i32.const 1))
                                (i32.and (i32.shr_u (i32.const 33) (i32.load8_u (i32.add (local.get $cells) (i32.add (local.get $i) (i32.const 1))))) (i32.const 1)))
                              (i32.and (i32.eq (i32.load8_u (i32.add (local.get $types) (i32.add (local.get $i) (i32.sub (local.get $w) (i32.const 1))))) (i32.const 1))
                                (i32.and (i32.shr_u (i32.const 33) (i32.load8_u (i32.add (local.get $cells) (i32.add (local.get $i) (i32.sub (local.get $w) (i32.const 1)))))) (i32.const 1))))
                            (i32.add
                              (i32.and (i32.eq (i32.load8_u (i32.add (local.get $types) (i32.add (local.get $i) (local.get $w)))) (i32.const 1))
                                (i32.and (i32.shr_u (i32.const 33) (i32.load8_u (i32.add (local.get $cells) (i32.add (local.get $i) (local.get $w))))) (i32.const 1)))
                              (i32.and (i32.eq (i32.load8_u (i32.add (local.get $types) (i32.add (local.get $i) (i32.add (local.get $w) (i32.const 1))))) (i32.const 1))
                                (i32.and (i32.shr_u (i32.const 33) (i32.load8_u (i32.add (local.get $cells) (i32.add (local.get $i) (i32.add (local.get $w) (i32.const 1)))))) (i32.const 1))))))))
                    (else
                    (local.set $n (i32.add
                      (i32.add
                        (i32.add
                          (call $progenitor (local.get $cells) (local.get $types) (i32.sub (local.get $x) (i32.const 1)) (i32.sub (local.get $y) (i32.const 1)) (local.get $w) (local.get $h))
                          (call $progenitor (local.get $cells) (local.get $types) (local.get $x) (i32.sub (local.get $y) (i32.const 1)) (local.get $w) (local.get $h)))
                        (i32.add
                          (call $progenitor (local.get $cells) (local.get $types) (i32.add (local.get $x) (i32.const 1)) (i32.sub (local.get $y) (i32.const 1)) (local.get $w) (local.get $h))
                          (call $progenitor (local.get $cells) (local.get $types) (i32.sub (local.get $x) (i32.const 1)) (local.get $y) (local.get $w) (local.get $h))))
                      (i32.add
                        (i32.add
                          (call $progenitor (local.get $cells) (local.get $types) (i32.add (local.get $x) (i32.const 1)) (local.get $y) (local.get $w) (local.get $h))
                          (call $progenitor (local.get $cells) (local.get $types) (i32.sub (local.get $x) (i32.const 1)) (i32.add (local.get $y) (i32.const 1)) (local.get $w) (local.get $h)))
                        (i32.add
                          (call $progenitor (local.get $cells) (local.get $types) (local.get $x) (i32.add (local.get $y) (i32.const 1)) (local.get $w) (local.get $h))
                          (call $progenitor (local.get $cells) (local.get $types) (i32.add (local.get $x) (i32.const 1)) (i32.add (local.get $y) (i32.const 1)) (local.get $w) (local.get $h))))))))
                  (local.set $p (f64.load offset=152 (i32.add (local.get $c) (i32.shl (local.get $n) (i32.const 3)))))
                  (if (f64.gt (local.get $p) (f64.const 0))
                    (then
                      ;;@uniform $u $r1 $r2
                      (if (f64.lt (local.get $u) (local.get $p))
                        (then
                          (i32.store8 (i32.add (local.get $cells) (local.get $i)) (i32.const 0))
                          (i32.store8 (i32.add (local.get $debris) (local.get $i)) (i32.const 0)))))))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $sites)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (local.set $i (i32.add (i32.mul (local.get $row) (local.get $rowWidth)) (local.get $x0)))
        (br $rows)))
    (call $leave (local.get $c) (local.get $s0) (local.get $s1) (local.get $s2) (local.get $s3) (i32.const -1))))
