// Boots a Phaser scene headless in jsdom (no renderer), then stops the game's
// own loop so that the test drives time with step().
import Phaser from "../../client/src/map/phaser.js";
import { vi } from "vitest";

export interface Booted<T extends Phaser.Scene> {
  game: Phaser.Game;
  scene: T;
  parent: HTMLElement;
  /** Runs `frames` game steps of `ms` each (frame time and, with fake timers, Date advance together). */
  step(ms?: number, frames?: number): void;
  destroy(): void;
}

export async function bootScene<T extends Phaser.Scene>(
  scene: T,
  options: { width?: number; height?: number } = {},
): Promise<Booted<T>> {
  const parent = document.createElement("div");
  document.body.appendChild(parent);
  const key = scene.sys.settings.key || "under-test";
  const game = new Phaser.Game({
    type: Phaser.HEADLESS,
    parent,
    width: options.width ?? 800,
    height: options.height ?? 600,
    banner: false,
    autoFocus: false,
    audio: { noAudio: true },
    input: { keyboard: false },
  });
  game.scene.add(key, scene, true); // queued until the game boots
  await new Promise<void>((resolve, reject) => {
    const t0 = Date.now();
    const poll = () =>
      scene.sys.settings.status === Phaser.Scenes.RUNNING
        ? resolve()
        : Date.now() - t0 > 10_000
          ? reject(new Error("scene did not start"))
          : setTimeout(poll, 1);
    poll();
  });
  game.loop.stop();
  let t = 1000;
  const step = (ms = 16, frames = 1) => {
    for (let i = 0; i < frames; i++) {
      t += ms;
      if (vi.isFakeTimers()) vi.advanceTimersByTime(ms);
      game.headlessStep(t, ms);
    }
  };
  const destroy = () => {
    game.destroy(true);
    game.headlessStep(t + 1, 1); // destroy runs on the next step
    parent.remove();
  };
  return { game, scene, parent, step, destroy };
}
