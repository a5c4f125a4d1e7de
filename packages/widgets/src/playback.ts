import { html, type TemplateResult } from 'lit';

/** Playback speeds offered, in model time units per second (Infinity: full speed). */
export const SPEEDS: readonly number[] = [Infinity, 10, 5, 2, 1, 0.5];

/** What the playback controls do. */
export interface IPlaybackActions {
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  /** A speed of {@link SPEEDS} was chosen. */
  setSpeed(speed: number): void;
}

/**
 * Play or pause, step, reset and the speed (`speed`, in `timeUnit`s per second): how a workbench's live run plays
 * (not shown for a band).
 */
export function playbackControls(
  running: boolean,
  timeUnit: string,
  speed: number,
  actions: IPlaybackActions,
): TemplateResult {
  return html`${
      running
        ? html`<button type="button" data-action="pause" @click=${() => actions.pause()}>Pause</button>`
        : html`<button type="button" data-action="play" @click=${() => actions.play()}>Play</button>`
    }
    <button type="button" data-action="step" @click=${() => actions.step()}>Step</button>
    <button type="button" data-action="reset" @click=${() => actions.reset()}>Reset</button>
    <label for="speed">Speed</label>
    <select id="speed" @change=${(e: Event) => actions.setSpeed(Number((e.target as HTMLSelectElement).value))}>
      ${SPEEDS.map(
        (s) =>
          html`<option value=${String(s)} ?selected=${s === speed}>
            ${Number.isFinite(s) ? `${s} ${timeUnit}s/s` : 'full speed'}
          </option>`,
      )}
    </select>`;
}
