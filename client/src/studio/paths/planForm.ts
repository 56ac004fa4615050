import type { CompiledScenario, TestPlan } from "@hotseat/shared";
import { esc } from "../dom";
import { st } from "../studioStrings";

type Band = { min?: number; max?: number } | undefined;
const bands = ["mood", "cost", "reputation", "strain"] as const;

/** The form of one plan: its name, the ending and bands it expects, the lines it looks for; its choices shown. */
export function planForm(plan: TestPlan, index: number, compiled: CompiledScenario | undefined): string {
  const id = (field: string) => `plan-${index}-${field}`;
  const endings = Object.keys(compiled?.scenario.endings ?? {});
  if (!endings.includes(plan.expect.ending)) endings.push(plan.expect.ending);
  const meters = compiled?.scenario.meters;
  const shown = bands.filter(
    (b) =>
      b === "mood" ||
      b === "cost" ||
      plan.expect[b] !== undefined ||
      (b === "reputation" ? meters?.reputation : meters?.strain) !== undefined,
  );
  const bandRow = (b: (typeof bands)[number]) => {
    const band: Band = plan.expect[b];
    const num = (side: "min" | "max") =>
      `<input type="number" id="${id(`${b}-${side}`)}" data-band="${b}" data-side="${side}" value="${band?.[side] ?? ""}" aria-label="${esc(st(`plans.${b}`))} ${esc(st(side === "min" ? "plans.min" : "plans.max"))}">`;
    return `<div class="plan-band"><span>${esc(st(`plans.${b}`))}</span>${num("min")}<span>–</span>${num("max")}</div>`;
  };
  return `<details class="plan-edit"><summary>${esc(st("plans.edit"))}</summary>
    <label>${esc(st("plans.name"))}<input type="text" data-field="name" value="${esc(plan.name)}" required></label>
    <label>${esc(st("plans.ending"))}<select data-field="ending">${endings
      .map((e) => `<option${e === plan.expect.ending ? " selected" : ""}>${esc(e)}</option>`)
      .join("")}</select></label>
    <fieldset><legend>${esc(st("plans.bands"))}</legend>${shown.map(bandRow).join("")}</fieldset>
    <label>${esc(st("plans.lines"))}<textarea data-field="lines" rows="2">${esc((plan.expect.lines ?? []).join("\n"))}</textarea></label>
    <p class="plan-choices">${esc(st("plans.choiceList"))}: <code>${esc(plan.choices.join(" → ") || "—")}</code></p>
  </details>
  <div class="plan-actions"><button type="button" class="secondary small plan-play">${esc(st("paths.play"))}</button><button type="button" class="secondary small plan-delete">${esc(st("plans.delete"))}</button></div>`;
}

/** The plan as its form now says; the same object when nothing changed or the name was emptied. */
export function readPlanForm(item: HTMLElement, plan: TestPlan): TestPlan {
  const field = <T extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(name: string) =>
    item.querySelector<T>(`[data-field="${name}"]`);
  const name = field<HTMLInputElement>("name")?.value.trim() ?? plan.name;
  const expect: TestPlan["expect"] = {
    ending: field<HTMLSelectElement>("ending")?.value ?? plan.expect.ending,
  };
  for (const b of bands) {
    const read = (side: "min" | "max") => {
      const input = item.querySelector<HTMLInputElement>(`input[data-band="${b}"][data-side="${side}"]`);
      const value = input?.value.trim() ?? "";
      return value === "" || !Number.isFinite(Number(value)) ? undefined : Number(value);
    };
    const min = read("min");
    const max = read("max");
    if (min !== undefined || max !== undefined)
      expect[b] = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  }
  const lines = (field<HTMLTextAreaElement>("lines")?.value ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (lines.length > 0) expect.lines = lines;
  if (name === "") return plan;
  const next: TestPlan = { ...plan, name, expect };
  return JSON.stringify(next) === JSON.stringify(plan) ? plan : next;
}
