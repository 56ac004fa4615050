import Phaser from "phaser";
import qrcode from "qrcode-generator";

/** A QR code of `text`, drawn as dark squares on a white quiet zone, `size` px wide. */
export class QrCode extends Phaser.GameObjects.Container {
  constructor(scene: Phaser.Scene, x: number, y: number, text: string, size: number) {
    super(scene, x, y);
    const qr = qrcode(0, "M");
    qr.addData(text);
    qr.make();
    const n = qr.getModuleCount();
    const cell = Math.floor(size / (n + 8));
    const quiet = Math.floor((size - cell * n) / 2);
    const g = scene.add.graphics();
    g.fillStyle(0xffffff, 1).fillRect(0, 0, size, size);
    g.fillStyle(0x000000, 1);
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++)
        if (qr.isDark(r, c)) g.fillRect(quiet + c * cell, quiet + r * cell, cell, cell);
    this.add(g);
    this.setSize(size, size);
    scene.add.existing(this);
  }
}
