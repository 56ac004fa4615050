import { t } from "../i18n/t";
import type { DebriefModel } from "../viewModel/debriefModel";
import { formatMoney } from "../viewModel/money";
import type { A11yBlock, A11yDoc } from "./a11yDoc";

/** The debrief for a screen reader, from the model the debrief draws: the ending, the path, the chart as numbers. */
export function debriefDoc(
  m: DebriefModel,
  money: { currency: string; locale: string },
  /** On the wall and the console: which page the wall shows, announced as the trainer turns it. */
  page?: string,
): A11yDoc {
  const none = [t("debrief.none")];
  const blocks: A11yBlock[] = [{ key: "title", kind: "heading", level: 1, text: t("debrief.title") }];
  if (page) blocks.push({ key: "page", kind: "text", text: page, live: "status" });
  if (m.ending) {
    blocks.push({
      key: "ending",
      kind: "heading",
      level: 2,
      text: `${m.ending.outcome} — ${m.ending.title}`,
    });
    blocks.push({ key: "ending-text", kind: "text", text: m.ending.debrief });
  }
  const steps = m.steps.map((s) => [`${s.n}. ${s.label}`, ...s.tags.map((b) => b.text)].join(" — "));
  blocks.push({ key: "path", kind: "list", label: t("debrief.path"), items: steps.length ? steps : none });
  blocks.push({
    key: "chart",
    kind: "list",
    label: t("debrief.chart"),
    items: [
      t("a11y.chartMood", { values: m.chart.mood.map((v) => Math.round(v)).join(" → ") }),
      t("a11y.chartCost", {
        values: m.chart.cost.map((v) => formatMoney(v, money.currency, money.locale)).join(" → "),
      }),
    ],
  });
  const counted = (rows: { name: string; count: number }[], mark: string) =>
    rows.length ? rows.map((c) => `${mark} ${c.name} ×${c.count}`) : none;
  blocks.push({
    key: "techniques",
    kind: "list",
    label: t("debrief.techniques"),
    items: counted(m.techniques, "✔"),
  });
  blocks.push({
    key: "defences",
    kind: "list",
    label: t("debrief.defences"),
    items: counted(m.defences, "✖"),
  });
  if (m.votes.length)
    blocks.push({
      key: "votes",
      kind: "list",
      label: t("debrief.votes"),
      items: m.votes.map((v) => `${v.step}. ${v.label} (${v.split})`),
    });
  if (m.marks.length)
    blocks.push({
      key: "marks",
      kind: "list",
      label: t("debrief.marks"),
      items: m.marks.map((v) => `${v.step}. ${t("debrief.marksRow", { same: v.agreed, other: v.differed })}`),
    });
  if (m.branches.length)
    blocks.push({
      key: "branches",
      kind: "list",
      label: t("debrief.branches"),
      items: m.branches.map(
        (b) =>
          `${t("debrief.step", { step: b.fromStep })}: ${b.labels.join(" → ")}${b.ending ? ` (${b.ending})` : ""}`,
      ),
    });
  if (m.teams.length)
    blocks.push({
      key: "teams",
      kind: "list",
      label: t("projector.teams"),
      items: m.teams.map((team) =>
        [
          team.name,
          team.ending,
          team.summary,
          ...team.branches.map(
            (b) => `⟲ ${t("debrief.step", { step: b.fromStep })}: ${b.labels.join(" → ")}`,
          ),
        ]
          .filter(Boolean)
          .join(" — "),
      ),
    });
  if (m.best)
    blocks.push({
      key: "best",
      kind: "list",
      label: t("debrief.best"),
      items: [...m.best.labels.map((l, i) => `${i + 1}. ${l}`), m.best.summary],
    });
  return { label: t("debrief.title"), blocks };
}
