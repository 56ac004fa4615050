import { playStyleSchema, type PlayStyle } from "@hotseat/shared";
import type { MessageKey } from "../i18n/en";
import { t } from "../i18n/t";

const labelKeys: Record<PlayStyle, MessageKey> = {
  "class-vote": "trainer.classVote",
  "hot-seat": "trainer.hotSeat",
  teams: "trainer.teams",
  solo: "trainer.solo",
};

/** The play styles a trainer picks from, in the protocol's order, with their names in the page's language. */
export function playStyleChoices(): { style: PlayStyle; label: string }[] {
  return playStyleSchema.options.map((style) => ({ style, label: t(labelKeys[style]) }));
}
