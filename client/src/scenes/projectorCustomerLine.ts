import type Phaser from "phaser";
import { fitColumn } from "../ui/fitColumn";
import { tagPart } from "../ui/revealSequence";
import { textStyle, theme } from "../ui/theme";
import type { ProjectorModel } from "../viewModel/projectorModel";

/**
 * The customer on the wall: name and feeling under the face, the line in a speech bubble and the narration
 * under it, all tagged as the reveal's "line" moment. Returns where the text ends, so panels can start higher.
 */
export function drawCustomerLine(
  scene: Phaser.Scene,
  d: Phaser.GameObjects.Container,
  customer: NonNullable<ProjectorModel["customer"]>,
  model: ProjectorModel,
  panelY: number,
): number {
  const who = `${customer.name} · ${model.feeling?.word ?? ""}`;
  d.add(
    tagPart(
      scene.add.text(250, 490, who, textStyle(34, theme.ink, { bold: true })).setOrigin(0.5, 0.5),
      "line",
    ),
  );
  const bubbleX = 520;
  const bubbleW = 1340;
  // The line (in the bubble) and the narration under it end above the panels and the meters: long
  // texts shrink together (the line to 34 px, still legible from the back), then narration is cut.
  const extraMeters = model.meters?.extra.length ?? 0;
  const [line, narration] = fitColumn(scene, bubbleX + 36, 190, extraMeters > 1 ? 530 : panelY - 12, [
    {
      text: `“${customer.line}”`,
      size: 50,
      min: 34,
      gap: 36,
      style: (size) => ({
        ...textStyle(size, theme.inkDark, { bold: true, wrap: bubbleW - 72 }),
        lineSpacing: 8,
      }),
    },
    ...(customer.narration
      ? [
          {
            text: customer.narration,
            size: 28,
            min: 22,
            gap: 0,
            style: (size: number) => textStyle(size, theme.inkDim, { wrap: bubbleW }),
          },
        ]
      : []),
  ]);
  const g = scene.add.graphics();
  g.fillStyle(0xffffff, 1).fillRoundedRect(bubbleX, 160, bubbleW, line!.height + 56, 30);
  g.fillTriangle(bubbleX, 260, bubbleX - 50, 300, bubbleX, 320);
  d.add([tagPart(g, "line"), tagPart(line!, "line")]);
  let textBottom = 160 + line!.height + 56;
  if (narration) {
    d.add(tagPart(narration.setX(bubbleX), "line"));
    textBottom = Math.max(textBottom, narration.y + narration.height);
  }
  return textBottom;
}
