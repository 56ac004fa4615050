import { t } from "../i18n/t";
import type { MetersModel } from "../viewModel/meters";
import type { TraineeModel } from "../viewModel/traineeModel";
import type { A11yBlock, A11yDoc } from "./a11yDoc";

/** The meters as sentences: "Mood: 27 of 100, Upset", "Cost: 120 €" (shapes and colours need no reading). */
export function meterSentences(m: MetersModel): string[] {
  const band = m.mood.suffix.replace(/^[▲▼■]+\s*/, "");
  return [
    t("a11y.moodValue", { label: m.mood.label, value: Math.round(m.mood.value), band }),
    t("a11y.amount", { label: t("meter.cost"), amount: m.costTotal }),
    ...m.extra.map((e) => t("a11y.meterValue", { label: e.label, value: Math.round(e.value) })),
  ];
}

/**
 * The trainee's page for a screen reader and the keyboard, from the model the phone draws: the customer's
 * line, the meters and the feedback in live regions, the vote's state as the page's status, the options as
 * buttons (pressed = your vote, mark or choice). Every phase and play style goes through here.
 */
export function traineeDoc(model: TraineeModel, meters?: MetersModel): A11yDoc {
  const blocks: A11yBlock[] = [
    {
      key: "title",
      kind: "heading",
      level: 1,
      text: model.team ? `${model.title} · ${model.team}` : model.title,
    },
  ];
  if (model.customer) {
    const c = model.customer;
    blocks.push({ key: "customer", kind: "heading", level: 2, text: c.name });
    blocks.push({
      key: "line",
      kind: "text",
      live: "polite",
      text: t("a11y.customerLine", { name: c.name, emotion: c.feeling, line: c.line }),
    });
  }
  if (meters)
    blocks.push({
      key: "meters",
      kind: "list",
      label: t("a11y.meters"),
      items: meterSentences(meters),
      live: "polite",
    });
  blocks.push({ key: "status", kind: "text", live: "status", text: model.statusWords });
  if (model.secondsLeft !== undefined)
    blocks.push({
      key: "timer",
      kind: "text",
      text: t("projector.timeLeft", { seconds: model.secondsLeft }),
    });
  // The ending's own moment is read before the last decision's feedback, as the phone shows it.
  const ending = model.ending;
  const endingBlocks: A11yBlock[] = ending
    ? [
        { key: "ending", kind: "heading", level: 2, text: `${ending.outcome}: ${ending.title}` },
        { key: "ending-text", kind: "text", live: "polite", text: ending.debrief },
      ]
    : [];
  blocks.push(...endingBlocks);
  if (model.reveal) {
    const r = model.reveal;
    const mine = r.mine;
    blocks.push({
      key: "feedback",
      kind: "list",
      label: t("trainee.feedback"),
      live: "polite",
      items: [
        r.headline,
        ...(mine ? [mine.line] : []),
        ...r.tags.map((b) => b.text),
        ...(r.feedback ? [`${t("trainee.feedback")}: ${r.feedback}`] : []),
        // The expert on the trainee's own choice, when it was not the one played.
        ...(mine && !mine.same
          ? [
              t("reveal.onYours", { option: mine.label }),
              ...mine.tags.map((b) => b.text),
              ...(mine.feedback ? [`${t("trainee.feedback")}: ${mine.feedback}`] : []),
            ]
          : []),
      ],
    });
  }
  if (model.moveOn)
    blocks.push({
      key: "move-on",
      kind: "buttons",
      label: model.moveOn.label,
      buttons: [{ id: "moveOn", text: model.moveOn.label }],
    });
  if (model.teamChoices.length)
    blocks.push({
      key: "teams",
      kind: "buttons",
      label: t("trainee.pickTeam"),
      buttons: model.teamChoices.map((c) => ({ id: `team.${c.id}`, text: c.label, pressed: c.selected })),
    });
  if (model.cards.length)
    blocks.push({
      key: "options",
      kind: "buttons",
      label: t("a11y.options"),
      buttons: model.cards.map((c) => ({
        id: `option.${c.id}`,
        text: `${c.index + 1}. ${c.text}`,
        pressed: c.selected,
        disabled: !c.enabled,
      })),
    });
  return { label: model.title, blocks };
}
