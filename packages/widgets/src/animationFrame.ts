/** Calls `callback` at the next animation frame (or after ~16 ms where there are no animation frames). */
export function nextAnimationFrame(callback: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback());
  else setTimeout(callback, 16);
}
