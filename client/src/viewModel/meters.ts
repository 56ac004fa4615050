import type { LedgerLine, MeterReading, ResolvedLook } from "@hotseat/shared";
import { costItems } from "@hotseat/shared";
import type { MessageKey } from "../i18n/en";
import { t } from "../i18n/t";
import { moodWordKey } from "./customerFeeling";
import { formatMoney } from "./money";
import { moodBand } from "./moodBand";

/** A meter ready to draw: value 0..100, colour, and the words/shape that say the same without colour. */
export type MeterModel = { key: MessageKey; label: string; value: number; color: number; suffix: string };

/** Everything the meter area shows: mood, optional reputation/strain, the cost total and its lines. */
export type MetersModel = {
  mood: MeterModel;
  extra: MeterModel[];
  costTotal: string;
  costLines: { label: string; amount: string }[];
};

const builtInItems = new Set<string>(costItems);

/** Turns a meter reading and ledger into labelled bars and formatted money in the UI language. */
export function metersModel(
  meters: MeterReading | undefined,
  ledger: LedgerLine[],
  currency: string,
  locale: string,
  gender: ResolvedLook["gender"] = "masculine",
  /** The scenario's declared cost items, named in the viewer's language (ScenarioTitle.costItems). */
  declaredItems: Readonly<Record<string, string>> = {},
): MetersModel {
  const mood = meters?.mood ?? 50;
  const band = moodBand(mood);
  const extra: MeterModel[] = [];
  if (meters?.reputation !== undefined) {
    const r = meters.reputation;
    extra.push({
      key: "meter.reputation",
      label: t("meter.reputation"),
      value: r,
      color: r >= 50 ? 0x06d6a0 : r >= 25 ? 0xffd166 : 0xef476f,
      suffix: r >= 50 ? "▲" : r >= 25 ? "■" : "▼",
    });
  }
  if (meters?.strain !== undefined) {
    const s = meters.strain;
    // Strain is bad when high, so its arrow points the other way.
    extra.push({
      key: "meter.strain",
      label: t("meter.strain"),
      value: s,
      color: s <= 40 ? 0x06d6a0 : s <= 70 ? 0xffd166 : 0xef476f,
      suffix: s <= 40 ? "▲" : s <= 70 ? "■" : "▼",
    });
  }
  return {
    mood: {
      key: "meter.mood",
      label: t("meter.mood"),
      value: mood,
      color: band.color,
      suffix: `${band.shape} ${t(moodWordKey(band, gender))}`,
    },
    extra,
    costTotal: formatMoney(meters?.cost ?? 0, currency, locale),
    costLines: ledger
      .filter((l) => l.amount !== 0)
      .map((l) => ({
        label: builtInItems.has(l.item)
          ? t(`cost.${l.item}` as MessageKey)
          : (declaredItems[l.item] ?? l.item),
        amount: formatMoney(l.amount, currency, locale),
      })),
  };
}
