import { errorCodes } from "@hotseat/shared";
import { afterEach, describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { refusalText } from "../i18n/refusalText";
import { setLocale } from "../i18n/t";
import { failureText, refusalOfBody, refusalOfJoinError } from "./refusal";

/** A join failure as the Colyseus SDK throws it: an Error with the server's numeric code. */
const sdkError = (code: number, message: string) => Object.assign(new Error(message), { code });

afterEach(() => setLocale("en"));

describe("server refusals in the page's language", () => {
  it("has a sentence for every refusal code the session and the room send", () => {
    for (const code of errorCodes) expect(Object.keys(en), code).toContain(`error.${code}`);
  });

  it("reads a wrong join code as a sentence in the page's language, never the matchmaker's English", () => {
    setLocale("lt");
    const text = failureText(sdkError(522, 'room "ZZZZZZ" not found'));
    expect(text).toBe("Nė viena sesija neturi šio kodo. Patikrinkite kodą projektoriuje.");
    setLocale("pl");
    expect(failureText(sdkError(522, 'room "ZZZZZZ" not found'))).not.toMatch(/ZZZZZZ|not found/);
  });

  it("translates the room's join refusals by the code leading their message", () => {
    setLocale("ro");
    const refusal = refusalOfJoinError(sdkError(4403, "join.locked: The trainer has closed this session."));
    expect(refusal.code).toBe("join.locked");
    expect(refusal.text).toBe("Formatorul a închis această sesiune pentru cursanți noi.");
  });

  it("fills a refusal's parameters, choosing the sentence and the plural form they call for", () => {
    expect(
      refusalText({ code: "choice.not-yours", params: { chooser: "hot-seat", name: "Ona" } }, "lt"),
    ).toBe("Dabar renkasi Ona.");
    expect(refusalText({ code: "choice.not-yours", params: { chooser: "captain" } }, "en")).toBe(
      "It is not your turn to choose.",
    );
    expect(refusalText({ code: "teams.too-few-trainees", params: { count: 3 } }, "pl")).toBe(
      "3 zespoły wymagają co najmniej 3 uczestników.",
    );
    expect(refusalText({ code: "teams.too-few-trainees", params: { count: 5 } }, "pl")).toBe(
      "5 zespołów wymaga co najmniej 5 uczestników.",
    );
    expect(refusalText({ code: "rewind.out-of-range", params: { max: 4 } }, "ro")).toBe(
      "Alege o decizie între 1 și 4.",
    );
  });

  it("translates the HTTP API's refusals from their body, and says so when the server cannot be reached", () => {
    setLocale("pl");
    const body = {
      error: { code: "host.password", message: "Hosting a session needs the trainer password." },
    };
    expect(refusalOfBody(401, body).text).toBe("Utworzenie sesji na tym serwerze wymaga hasła trenera.");
    expect(refusalOfBody(502, "<html>Bad gateway</html>").text).toBe(
      "Coś poszło nie tak na serwerze; spróbuj ponownie.",
    );
    expect(failureText(new TypeError("Failed to fetch"))).toBe(
      "Nie można połączyć się z serwerem. Sprawdź połączenie i spróbuj ponownie.",
    );
  });

  it("names the wait a throttled request was given, from Retry-After", () => {
    const body = { error: { code: "host.too-fast", message: "Too many sessions hosted from this address." } };
    expect(refusalOfBody(429, body, 7).text).toContain("7 s");
    expect(failureText(Object.assign(new Error("Too many attempts"), { code: 429 }))).toBe(
      refusalText({ code: "rate.too-many-tries" }, "en"),
    );
  });

  it("says which hosting limit was met in the page's language, with the wait", () => {
    const refusal = (code: string, retryAfter?: number) =>
      refusalOfBody(429, { error: { code, message: "Too many sessions hosted…" } }, retryAfter);
    expect(refusal("host.too-fast", 7).text).toBe(
      "Too many sessions were hosted from your network just now. Try again in 7 s.",
    );
    setLocale("pl");
    expect(refusal("host.too-fast", 7).text).toContain("za 7 s");
    setLocale("lt");
    expect(refusal("host.address-full").text).toContain("Jūsų tinklas");
    setLocale("ro");
    expect(refusal("host.server-full").text).toContain("Acest server");
  });

  it("translates an API refusal by its code, not the server's English", () => {
    setLocale("pl");
    const body = {
      error: { code: "scenario.unknown", message: 'There is no scenario "x".', params: { id: "x" } },
    };
    expect(refusalOfBody(404, body).text).toBe(refusalText({ code: "scenario.unknown" }, "pl"));
    expect(refusalOfBody(404, body).text).not.toContain("There is no");
  });

  it("still reads a code this page does not know as a sentence, with the server's words inside", () => {
    expect(refusalText({ code: "quota.exceeded", message: "Too many sessions today." }, "lt")).toBe(
      "Serveris atsisakė: Too many sessions today.",
    );
  });
});
