/**
 * Scenario texts for the loading pipeline's tests: one valid file, and `broken` to derive a
 * broken variant by replacing one exact snippet (so each test shows the single mistake it makes).
 */

/** A small valid scenario in English and Polish: four states, two endings, every path labelled. */
export const lateParcelYaml = `formatVersion: 1
id: late-parcel
title:
  en: The late parcel
  pl: Spóźniona paczka
summary:
  en: A customer whose parcel is a week late.
  pl: "Klient, którego paczka spóźnia się tydzień."
languages: [en, pl]
audience: B2C
persona:
  name: Marek
  description:
    en: Ordered a gift for his daughter.
    pl: Zamówił prezent dla córki.
  customerType: anxious
matter:
  hard:
    en: The parcel before Friday
    pl: Paczka przed piątkiem
  soft: [fear]
values:
  - en: Keeping promises to family
    pl: Dotrzymywanie obietnic rodzinie
brokenPromise:
  en: Delivery in two days
  pl: Dostawa w dwa dni
currency: EUR
meters:
  mood: 40
endings:
  calmed:
    outcome: kept
    title: { en: Calmed down, pl: Uspokojony }
    debrief: { en: You listened and kept him informed., pl: Wysłuchałeś i informowałeś. }
  lost:
    outcome: lost-quietly
    title: { en: Gone, pl: Odszedł }
    debrief: { en: He will not order again., pl: Więcej nie zamówi. }
machine:
  initial: opening
  states:
    opening:
      meta:
        line: { en: Where is my parcel?, pl: Gdzie jest moja paczka? }
        emotion: fear
      on:
        ask-order:
          target: checking
          actions:
            - type: effect
              params: { mood: 10, cost: { staffTime: 2 } }
          meta:
            label: { en: Let me check your order., pl: Sprawdzę zamówienie. }
            tags: [listens]
        blame-courier:
          - guard: { type: moodBelow, params: { value: 30 } }
            target: gone
            meta:
              label: { en: The courier is at fault., pl: To wina kuriera. }
              tags: [blames-subcontractor]
          - target: checking
            actions: [{ type: effect, params: { mood: -10 } }]
            meta: { tags: [blames-subcontractor] }
    checking:
      meta:
        line: { en: So where is it?, pl: No to gdzie jest? }
        emotion: anger
      on:
        promise-friday:
          target: calm
          actions: [{ type: remember, params: { fact: promised } }]
          meta:
            label: { en: It will arrive on Friday., pl: Dotrze w piątek. }
            tags: [keeps-informed]
        shrug:
          target: gone
          actions: [{ type: effect, params: { mood: -20 } }]
          meta:
            label: { en: No idea., pl: Nie wiem. }
            tags: [denies-emotion]
    calm:
      type: final
      meta:
        line: { en: Thank you., pl: Dziękuję. }
        emotion: calm
        ending: calmed
    gone:
      type: final
      meta:
        line: { en: Forget it., pl: Nieważne. }
        emotion: contempt
        ending: lost
`;

/** The valid scenario with exactly one occurrence of `snippet` replaced; throws if it is not there once. */
export function broken(snippet: string, replacement: string, text: string = lateParcelYaml): string {
  const first = text.indexOf(snippet);
  if (first < 0 || text.indexOf(snippet, first + 1) >= 0) {
    throw new Error(`the fixture must contain ${JSON.stringify(snippet)} exactly once`);
  }
  return text.slice(0, first) + replacement + text.slice(first + snippet.length);
}

/** The 1-based line and column where `marker` starts in `text` (it must occur exactly once). */
export function positionOf(text: string, marker: string): { line: number; column: number } {
  const offset = text.indexOf(marker);
  if (offset < 0 || text.indexOf(marker, offset + 1) >= 0) {
    throw new Error(`${JSON.stringify(marker)} must occur exactly once`);
  }
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before[before.length - 1] ?? "").length + 1 };
}
