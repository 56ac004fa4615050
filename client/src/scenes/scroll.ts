import type Phaser from "phaser";

/**
 * Lets a tall page scroll by drag, wheel and keyboard focus. Taps still reach buttons: a drag only
 * scrolls once the finger has moved more than a few pixels.
 */
export function enableScroll(scene: Phaser.Scene, contentHeight: () => number): void {
  const cam = scene.cameras.main;
  let startY = 0;
  let startScroll = 0;
  let dragging = false;
  const clamp = (v: number) => Math.max(0, Math.min(v, Math.max(0, contentHeight() - scene.scale.height)));
  scene.input.on("pointerdown", (p: Phaser.Input.Pointer) => {
    startY = p.y;
    startScroll = cam.scrollY;
    dragging = false;
  });
  scene.input.on("pointermove", (p: Phaser.Input.Pointer) => {
    if (!p.isDown) return;
    if (Math.abs(p.y - startY) > 8) dragging = true;
    if (dragging) cam.scrollY = clamp(startScroll - (p.y - startY));
  });
  scene.input.on("wheel", (_p: unknown, _o: unknown, _dx: number, dy: number) => {
    cam.scrollY = clamp(cam.scrollY + dy);
  });
}
