/**
 * When to take the next picture of a run under way: at least `interval` ms after the last one, and never more
 * than `share` of the wall time spent picturing (a 3000² section takes about half a second to picture: its run
 * then slows by at most ~`share`). Shared by the kernel's live tissue and the worker session's tissue pictures.
 */
export class PicturePace {
  private last: number;
  private cost = 0;

  /**
   * @param interval least time between two pictures, and before the first unless `now` says otherwise (ms)
   * @param share the most of the wall time pictures may take (0–1)
   * @param last when the previous picture was taken (ms; default now, so the first waits `interval`)
   */
  constructor(
    readonly interval: number,
    readonly share = 0.1,
    last = Date.now(),
  ) {
    this.last = last;
  }

  /** Whether a picture is due at `now`. */
  due(now = Date.now()): boolean {
    return now - this.last >= Math.max(this.interval, this.cost / this.share);
  }

  /** Takes a picture with `take`, timing it; its cost spaces the next ones. */
  take<T>(take: () => T): T {
    const begun = Date.now();
    const picture = take();
    this.last = Date.now();
    this.cost = this.last - begun;
    return picture;
  }
}
