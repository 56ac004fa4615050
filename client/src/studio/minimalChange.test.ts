import { describe, expect, it } from "vitest";
import { setText } from "@hotseat/shared";
import { minimalChange } from "./minimalChange";

const source = `title:
  en: The late parcel
  pl: Spóźniona paczka # keep me
languages: [en, pl]
`;

describe("the Translations view's edit of the editor text", () => {
  it("is the one changed stretch, so the rest of the editor (cursor, marks, history) stays put", () => {
    const next = setText(source, ["title"], "pl", "Paczka, która nie dotarła");
    const change = minimalChange(source, next);
    expect(source.slice(0, change.from) + change.insert + source.slice(change.to)).toBe(next);
    expect(change.insert.length).toBeLessThan(40);
    expect(next).toContain("# keep me");
    expect(minimalChange("same", "same")).toEqual({ from: 4, to: 4, insert: "" });
  });
});
