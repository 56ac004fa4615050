import { describe, expect, it } from "vitest";
import { readClientMessage } from "./readClientMessage";

describe("readClientMessage", () => {
  it("accepts a well-formed message of a known type", () => {
    expect(readClientMessage("trainee.vote", { optionId: "listen" })).toEqual({
      kind: "message",
      message: { type: "trainee.vote", optionId: "listen" },
    });
    expect(readClientMessage("trainer.reveal", undefined)).toEqual({
      kind: "message",
      message: { type: "trainer.reveal" },
    });
  });

  it("refuses a payload that is not an object, a numeric type, an unknown type and wrong fields", () => {
    expect(readClientMessage("trainee.vote", "listen")).toMatchObject({ code: "message.malformed" });
    expect(readClientMessage("trainee.vote", [1])).toMatchObject({ code: "message.malformed" });
    expect(readClientMessage(7, {})).toMatchObject({ code: "message.malformed" });
    expect(readClientMessage("trainer.explode", {})).toMatchObject({
      code: "message.unknown",
      message: 'There is no message "trainer.explode".',
    });
    const wrong = readClientMessage("trainee.vote", { optionId: 42 });
    expect(wrong).toMatchObject({ kind: "refused", code: "message.malformed" });
    expect(wrong.kind === "refused" && wrong.message).toContain("optionId");
  });

  it("reads a language switch apart from the session's messages, refusing a bad locale", () => {
    expect(readClientMessage("client.setLocale", { locale: "pl" })).toEqual({
      kind: "setLocale",
      locale: "pl",
    });
    expect(readClientMessage("client.setLocale", { locale: "Polish!" })).toMatchObject({
      code: "message.malformed",
    });
  });
});
