;; The tissue agent step (agents.ts, `stepAgents`) as a WebAssembly kernel. It must stay bit-identical to the
;; JavaScript loop: the same agents in the same order, the same random draws in the same order from the
;; engine's xoshiro128** generator (its state passed in and out through the control block), the same double
;; arithmetic (field values are float32, promoted to f64 for every operation and rounded once when stored, as a
;; JavaScript Float32Array store rounds), and the same removals (the last agent moves into the hole, which is
;; visited next). No fused multiply–add, no reassociation.
;;
;; A line `;;@next $r` is the generator's step, its output in $r (scripts/write-wasm-kernels.mjs writes it out
;; there, one definition for every kernel, so that the four state words stay in locals, which the engine keeps in
;; registers; a call or globals would cost loads and stores per draw).
;; A probability test is `r·2^−32 < p` in f64, as the JavaScript `rng.nextUint32() * U < p`.
;;
;; Compiled by scripts/write-wasm-kernels.mjs into agentKernelBytes.ts. The memory is imported: a KernelMemory
;; of the engine that also holds the fields, the epithelial states and the agent arrays, so nothing is copied.
;; Pointers are byte offsets into it. The control block (agentKernel.ts writes and reads it):
;;     0  i32 × 4  generator state s0 … s3 (in and out)
;;    16  i32 × 3  NK kills, CTL kills, DC departures (out, added to)
;;    32  i32 × 5  agents removed, by type (out, added to)
;;    56  f64 × 5  death probability per step, by type
;;    96  f64 × 5  expected moves per step, by type (each < 2^31)
;;   136  f64 × 10 virusLeft, activation, deactivation, cytokine, chemokine, nkKill, ctlKill, dcUptake,
;;                 dcLoadKept, antigen (as in AgentStep)
;;   216  i32 × 5  chemotaxis flag, by type
;;   236  i32 × 8  site offset of each Moore direction (as Lattice2D.neighbourOffsets)
;;   268  i32 × 8  dx of each direction;  300  i32 × 8  dy of each direction
;; On an edge site (edgeDistance 0) a neighbour is computed from (x + dx, y + dy): wrapped on a periodic
;; lattice, −1 beyond a closed edge, as Lattice2D's table holds it.
(module
  (import "env" "memory" (memory 1))

  ;; The k-th Moore neighbour of edge site $s, or −1 beyond a closed edge.
  (func $neighbour (param $s i32) (param $k i32) (param $c i32) (param $w i32) (param $h i32) (param $periodic i32)
    (result i32)
    (local $x i32) (local $y i32)
    (local.set $x (i32.add (i32.rem_u (local.get $s) (local.get $w))
      (i32.load offset=268 (i32.add (local.get $c) (i32.shl (local.get $k) (i32.const 2))))))
    (local.set $y (i32.add (i32.div_u (local.get $s) (local.get $w))
      (i32.load offset=300 (i32.add (local.get $c) (i32.shl (local.get $k) (i32.const 2))))))
    (if (local.get $periodic)
      (then
        (local.set $x (i32.rem_u (i32.add (local.get $x) (local.get $w)) (local.get $w)))
        (local.set $y (i32.rem_u (i32.add (local.get $y) (local.get $h)) (local.get $h)))))
    (if (result i32)
      (i32.or
        (i32.or (i32.lt_s (local.get $x) (i32.const 0)) (i32.lt_s (local.get $y) (i32.const 0)))
        (i32.or (i32.ge_s (local.get $x) (local.get $w)) (i32.ge_s (local.get $y) (local.get $h))))
      (then (i32.const -1))
      (else (i32.add (i32.mul (local.get $y) (local.get $w)) (local.get $x)))))

  ;; Moves agent $from into slot $to (all five arrays).
  (func $moveAgent (param $type i32) (param $state i32) (param $site i32) (param $load i32) (param $clone i32)
    (param $from i32) (param $to i32)
    (i32.store8 (i32.add (local.get $type) (local.get $to)) (i32.load8_u (i32.add (local.get $type) (local.get $from))))
    (i32.store8 (i32.add (local.get $state) (local.get $to))
      (i32.load8_u (i32.add (local.get $state) (local.get $from))))
    (i32.store (i32.add (local.get $site) (i32.shl (local.get $to) (i32.const 2)))
      (i32.load (i32.add (local.get $site) (i32.shl (local.get $from) (i32.const 2)))))
    (f32.store (i32.add (local.get $load) (i32.shl (local.get $to) (i32.const 2)))
      (f32.load (i32.add (local.get $load) (i32.shl (local.get $from) (i32.const 2)))))
    (i32.store (i32.add (local.get $clone) (i32.shl (local.get $to) (i32.const 2)))
      (i32.load (i32.add (local.get $clone) (i32.shl (local.get $from) (i32.const 2))))))

  ;; Steps agents 0 … $n−1 once and returns the new count. $spatial 0: well mixed (each agent jumps to a
  ;; uniform site in [0, $size), drawn as the engine's `integer` does: Lemire's multiply-shift with rejection).
  (func (export "step") (param $n i32) (param $type i32) (param $state i32) (param $site i32) (param $load i32)
    (param $clone i32) (param $cells i32) (param $edge i32) (param $virus i32) (param $antigen i32)
    (param $chem i32) (param $cyt i32) (param $c i32) (param $w i32) (param $h i32) (param $periodic i32)
    (param $spatial i32) (param $size i32) (result i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $r i32) (local $t i32)
    (local $i i32) (local $ty i32) (local $st i32) (local $hops i32) (local $k i32) (local $chemo i32)
    (local $next i32) (local $other i32) (local $cell i32) (local $target i32) (local $a i32)
    (local $m f64) (local $v f32) (local $ld f64) (local $prod i64)
    (local $nkKills i32) (local $ctlKills i32) (local $departures i32)
    (local.set $s0 (i32.load offset=0 (local.get $c)))
    (local.set $s1 (i32.load offset=4 (local.get $c)))
    (local.set $s2 (i32.load offset=8 (local.get $c)))
    (local.set $s3 (i32.load offset=12 (local.get $c)))
    (block $done
      (loop $agents
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $ty (i32.load8_u (i32.add (local.get $type) (local.get $i))))
        (block $next_agent
          (block $remove
            ;; Death. draw
            ;;@next $r
            (br_if $remove (f64.lt (f64.mul (f64.convert_i32_u (local.get $r)) (f64.const 0x1p-32))
              (f64.load offset=56 (i32.add (local.get $c) (i32.shl (local.get $ty) (i32.const 3))))))

            ;; Movement.
            (local.set $st (i32.load (i32.add (local.get $site) (i32.shl (local.get $i) (i32.const 2)))))
            (if (i32.eqz (local.get $spatial))
              (then
                (loop $retry
                  ;; draw
                  ;;@next $r
                  (local.set $prod (i64.mul (i64.extend_i32_u (local.get $r)) (i64.extend_i32_u (local.get $size))))
                  ;; The low word below (2^32 − size) mod size would favour some sites: draw again.
                  (br_if $retry (i32.and
                    (i32.lt_u (i32.wrap_i64 (local.get $prod)) (local.get $size))
                    (i32.lt_u (i32.wrap_i64 (local.get $prod))
                      (i32.rem_u (i32.sub (i32.const 0) (local.get $size)) (local.get $size))))))
                (local.set $st (i32.wrap_i64 (i64.shr_u (local.get $prod) (i64.const 32)))))
              (else
                (local.set $m (f64.load offset=96 (i32.add (local.get $c) (i32.shl (local.get $ty) (i32.const 3)))))
                (local.set $hops (i32.trunc_f64_s (local.get $m)))
                ;; The fractional extra hop. draw
                ;;@next $r
                (local.set $hops (i32.add (local.get $hops)
                  (f64.lt (f64.mul (f64.convert_i32_u (local.get $r)) (f64.const 0x1p-32))
                    (f64.sub (local.get $m) (f64.convert_i32_s (local.get $hops))))))
                (local.set $chemo (i32.load offset=216 (i32.add (local.get $c) (i32.shl (local.get $ty) (i32.const 2)))))
                (local.set $k (i32.const 0))
                (if (i32.ge_s (i32.load8_u (i32.add (local.get $edge) (local.get $st))) (local.get $hops))
                  (then
                    ;; No hop reaches the edge: both candidates are site + offset. A chemotactic agent takes the
                    ;; second if its chemokine is strictly higher.
                    (block $walked
                      (loop $hop
                        (br_if $walked (i32.ge_s (local.get $k) (local.get $hops)))
                        ;; draw
                        ;;@next $r
                        (local.set $next (i32.add (local.get $st)
                          (i32.load offset=236 (i32.add (local.get $c) (i32.shl (i32.and (local.get $r) (i32.const 7)) (i32.const 2))))))
                        (local.set $other (i32.add (local.get $st)
                          (i32.load offset=236 (i32.add (local.get $c)
                            (i32.shl (i32.and (i32.shr_u (local.get $r) (i32.const 3)) (i32.const 7)) (i32.const 2))))))
                        (local.set $st (select (local.get $other) (local.get $next)
                          (i32.and (local.get $chemo)
                            (f32.gt (f32.load (i32.add (local.get $chem) (i32.shl (local.get $other) (i32.const 2))))
                              (f32.load (i32.add (local.get $chem) (i32.shl (local.get $next) (i32.const 2))))))))
                        (local.set $k (i32.add (local.get $k) (i32.const 1)))
                        (br $hop))))
                  (else
                    (block $walked
                      (loop $hop
                        (br_if $walked (i32.ge_s (local.get $k) (local.get $hops)))
                        ;; draw
                        ;;@next $r
                        (local.set $next (call $neighbour (local.get $st) (i32.and (local.get $r) (i32.const 7))
                          (local.get $c) (local.get $w) (local.get $h) (local.get $periodic)))
                        (if (local.get $chemo)
                          (then
                            (local.set $other (call $neighbour (local.get $st)
                              (i32.and (i32.shr_u (local.get $r) (i32.const 3)) (i32.const 7))
                              (local.get $c) (local.get $w) (local.get $h) (local.get $periodic)))
                            (if (i32.lt_s (local.get $next) (i32.const 0))
                              (then (local.set $next (local.get $other)))
                              (else
                                (if (i32.ge_s (local.get $other) (i32.const 0))
                                  (then
                                    (if (f32.gt (f32.load (i32.add (local.get $chem) (i32.shl (local.get $other) (i32.const 2))))
                                          (f32.load (i32.add (local.get $chem) (i32.shl (local.get $next) (i32.const 2)))))
                                      (then (local.set $next (local.get $other))))))))))
                        (if (i32.ge_s (local.get $next) (i32.const 0)) (then (local.set $st (local.get $next))))
                        (local.set $k (i32.add (local.get $k) (i32.const 1)))
                        (br $hop)))))))
            (i32.store (i32.add (local.get $site) (i32.shl (local.get $i) (i32.const 2))) (local.get $st))
            (local.set $cell (i32.load8_u (i32.add (local.get $cells) (local.get $st))))
            (local.set $a (i32.shl (local.get $st) (i32.const 2)))

            ;; The type's action at its site.
            (if (i32.eqz (local.get $ty))
              (then
                ;; Macrophage: phagocytosis, activation by virus + antigen, or return to rest; release if active.
                (local.set $v (f32.demote_f64 (f64.mul
                  (f64.promote_f32 (f32.load (i32.add (local.get $virus) (local.get $a)))) (f64.load offset=136 (local.get $c)))))
                (f32.store (i32.add (local.get $virus) (local.get $a)) (local.get $v))
                (if (f64.gt (f64.add (f64.promote_f32 (local.get $v))
                      (f64.promote_f32 (f32.load (i32.add (local.get $antigen) (local.get $a)))))
                      (f64.load offset=144 (local.get $c)))
                  (then (i32.store8 (i32.add (local.get $state) (local.get $i)) (i32.const 1)))
                  (else
                    (if (i32.eq (i32.load8_u (i32.add (local.get $state) (local.get $i))) (i32.const 1))
                      (then
                        ;; draw
                        ;;@next $r
                        (if (f64.lt (f64.mul (f64.convert_i32_u (local.get $r)) (f64.const 0x1p-32)) (f64.load offset=152 (local.get $c)))
                          (then (i32.store8 (i32.add (local.get $state) (local.get $i)) (i32.const 0))))))))
                (if (i32.eq (i32.load8_u (i32.add (local.get $state) (local.get $i))) (i32.const 1))
                  (then
                    (f32.store (i32.add (local.get $cyt) (local.get $a)) (f32.demote_f64 (f64.add
                      (f64.promote_f32 (f32.load (i32.add (local.get $cyt) (local.get $a)))) (f64.load offset=160 (local.get $c)))))
                    (f32.store (i32.add (local.get $chem) (local.get $a)) (f32.demote_f64 (f64.add
                      (f64.promote_f32 (f32.load (i32.add (local.get $chem) (local.get $a)))) (f64.load offset=168 (local.get $c))))))))
              (else
                (if (i32.eq (local.get $ty) (i32.const 1))
                  (then
                    ;; Neutrophil: phagocytosis and cytokine release.
                    (f32.store (i32.add (local.get $virus) (local.get $a)) (f32.demote_f64 (f64.mul
                      (f64.promote_f32 (f32.load (i32.add (local.get $virus) (local.get $a)))) (f64.load offset=136 (local.get $c)))))
                    (f32.store (i32.add (local.get $cyt) (local.get $a)) (f32.demote_f64 (f64.add
                      (f64.promote_f32 (f32.load (i32.add (local.get $cyt) (local.get $a)))) (f64.load offset=160 (local.get $c))))))
                  (else
                    (if (i32.or (i32.eq (local.get $ty) (i32.const 4)) (i32.eq (local.get $ty) (i32.const 2)))
                      (then
                        ;; A killer touches the cell at its site, or else (CTLs, scanning) one random neighbour.
                        (local.set $target (local.get $st))
                        (if (i32.and (i32.eq (local.get $ty) (i32.const 4))
                              (i32.and (i32.ne (local.get $cell) (i32.const 1)) (i32.ne (local.get $cell) (i32.const 2))))
                          (then
                            ;; draw
                            ;;@next $r
                            (local.set $target
                              (if (result i32) (i32.load8_u (i32.add (local.get $edge) (local.get $st)))
                                (then (i32.add (local.get $st) (i32.load offset=236
                                  (i32.add (local.get $c) (i32.shl (i32.and (local.get $r) (i32.const 7)) (i32.const 2))))))
                                (else (call $neighbour (local.get $st) (i32.and (local.get $r) (i32.const 7))
                                  (local.get $c) (local.get $w) (local.get $h) (local.get $periodic)))))))
                        (if (i32.ge_s (local.get $target) (i32.const 0))
                          (then
                            (local.set $cell (i32.load8_u (i32.add (local.get $cells) (local.get $target))))
                            ;; Eclipse (1) or productive (2): killed with the killer's probability. draw
                            (if (i32.or (i32.eq (local.get $cell) (i32.const 1)) (i32.eq (local.get $cell) (i32.const 2)))
                              (then
                                ;;@next $r
                                (if (f64.lt (f64.mul (f64.convert_i32_u (local.get $r)) (f64.const 0x1p-32))
                                      (select (f64.load offset=184 (local.get $c)) (f64.load offset=176 (local.get $c))
                                        (i32.eq (local.get $ty) (i32.const 4))))
                                  (then
                                    (i32.store8 (i32.add (local.get $cells) (local.get $target)) (i32.const 3))
                                    (local.set $a (i32.add (local.get $antigen) (i32.shl (local.get $target) (i32.const 2))))
                                    (f32.store (local.get $a) (f32.demote_f64 (f64.add
                                      (f64.promote_f32 (f32.load (local.get $a))) (f64.load offset=208 (local.get $c)))))
                                    (if (i32.eq (local.get $ty) (i32.const 4))
                                      (then (local.set $ctlKills (i32.add (local.get $ctlKills) (i32.const 1))))
                                      (else (local.set $nkKills (i32.add (local.get $nkKills) (i32.const 1))))))))))))
                      (else
                        ;; Dendritic cell: antigen uptake; leaves for the lymph node once loaded.
                        (local.set $ld (f64.add
                          (f64.mul (f64.promote_f32 (f32.load (i32.add (local.get $load) (i32.shl (local.get $i) (i32.const 2)))))
                            (f64.load offset=200 (local.get $c)))
                          (f64.mul (f64.load offset=192 (local.get $c))
                            (f64.add (f64.promote_f32 (f32.load (i32.add (local.get $virus) (local.get $a))))
                              (f64.promote_f32 (f32.load (i32.add (local.get $antigen) (local.get $a))))))))
                        (if (f64.ge (local.get $ld) (f64.const 1))
                          (then
                            (local.set $departures (i32.add (local.get $departures) (i32.const 1)))
                            (br $remove)))
                        (f32.store (i32.add (local.get $load) (i32.shl (local.get $i) (i32.const 2)))
                          (f32.demote_f64 (local.get $ld)))))))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $next_agent))
          ;; Removal: count it by type, move the last agent into slot $i and visit slot $i again.
          (local.set $a (i32.add (local.get $c) (i32.shl (local.get $ty) (i32.const 2))))
          (i32.store offset=32 (local.get $a) (i32.add (i32.load offset=32 (local.get $a)) (i32.const 1)))
          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
          (if (i32.ne (local.get $i) (local.get $n))
            (then (call $moveAgent (local.get $type) (local.get $state) (local.get $site) (local.get $load)
              (local.get $clone) (local.get $n) (local.get $i)))))
        (br $agents)))
    (i32.store offset=0 (local.get $c) (local.get $s0))
    (i32.store offset=4 (local.get $c) (local.get $s1))
    (i32.store offset=8 (local.get $c) (local.get $s2))
    (i32.store offset=12 (local.get $c) (local.get $s3))
    (i32.store offset=16 (local.get $c) (i32.add (i32.load offset=16 (local.get $c)) (local.get $nkKills)))
    (i32.store offset=20 (local.get $c) (i32.add (i32.load offset=20 (local.get $c)) (local.get $ctlKills)))
    (i32.store offset=24 (local.get $c) (i32.add (i32.load offset=24 (local.get $c)) (local.get $departures)))
    (local.get $n))
)
