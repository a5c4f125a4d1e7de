/**
 * A first-in, first-out queue of cells in transit between sites (tissue → lymph node, lymph node →
 * tissue), each with its arrival time and an integer payload (a clone index or a type). Cells enter in order
 * of departure with one fixed delay, so arrival times are sorted and the queue is a growable ring buffer of
 * typed arrays: no objects per cell.
 */
export class TransitQueue {
  private times: Float64Array;
  private payloads: Int32Array;
  private head = 0;
  private count = 0;

  constructor(capacity = 64) {
    this.times = new Float64Array(capacity);
    this.payloads = new Int32Array(capacity);
  }

  /** Number of cells in transit. */
  get length(): number {
    return this.count;
  }

  /** Adds a cell arriving at `time` (not earlier than the last one added). */
  push(time: number, payload: number): void {
    if (this.count === this.times.length) this.grow();
    const i = (this.head + this.count) % this.times.length;
    this.times[i] = time;
    this.payloads[i] = payload;
    this.count++;
  }

  /** True when the oldest cell arrives by `time`. */
  ready(time: number): boolean {
    return this.count > 0 && this.times[this.head] <= time;
  }

  /** Removes the oldest cell and returns its payload (call only when `ready`). */
  pop(): number {
    const payload = this.payloads[this.head];
    this.head = (this.head + 1) % this.times.length;
    this.count--;
    return payload;
  }

  /** Keeps only the waiting cells whose payload satisfies `keep` (e.g. after a depletion). */
  filter(keep: (payload: number) => boolean): void {
    const times: number[] = [];
    const payloads: number[] = [];
    while (this.count > 0) {
      const t = this.times[this.head];
      const p = this.pop();
      if (keep(p)) {
        times.push(t);
        payloads.push(p);
      }
    }
    for (let i = 0; i < times.length; i++) this.push(times[i], payloads[i]);
  }

  /** A structured-cloneable copy of the queue, oldest first. */
  snapshot(): { times: Float64Array; payloads: Int32Array } {
    const times = new Float64Array(this.count);
    const payloads = new Int32Array(this.count);
    for (let k = 0; k < this.count; k++) {
      const i = (this.head + k) % this.times.length;
      times[k] = this.times[i];
      payloads[k] = this.payloads[i];
    }
    return { times, payloads };
  }

  /** Restores a copy taken with `snapshot()`. */
  restore(s: { times: Float64Array; payloads: Int32Array }): void {
    this.head = 0;
    this.count = 0;
    for (let k = 0; k < s.times.length; k++) this.push(s.times[k], s.payloads[k]);
  }

  private grow(): void {
    const { times, payloads } = this.snapshot();
    this.times = new Float64Array(this.times.length * 2);
    this.payloads = new Int32Array(this.payloads.length * 2);
    this.times.set(times);
    this.payloads.set(payloads);
    this.head = 0;
  }
}
