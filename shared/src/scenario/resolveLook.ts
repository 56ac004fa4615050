import type { Localized } from "./localized";
import { clothesColours, hairColours, skinTones, type PersonaLook, type ResolvedLook } from "./personaLook";

/** What `resolveLook` reads of a scenario: the persona (with any look the author wrote) and the audience. */
export type LookSource = {
  persona: { name: string; description?: Localized; look?: PersonaLook };
  audience?: "B2C" | "B2B";
};

// FNV-1a: the same name gives the same face on every machine and in every replay.
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function englishText(text: Localized | undefined): string {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  return text["en"] ?? "";
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** The persona's grammatical gender: the English description's pronouns, else the name's ending. */
export function genderOf(name: string, description?: Localized): ResolvedLook["gender"] {
  const en = englishText(description).toLowerCase();
  const she = count(en, /\b(she|her|hers|herself|mother|woman|wife|daughter)\b/g);
  const he = count(en, /\b(he|him|his|himself|father|man|husband|son)\b/g);
  if (she !== he) return she > he ? "feminine" : "masculine";
  // Polish, Lithuanian and Romanian women's names mostly end in -a or -ė; men's mostly do not.
  return /[aąė]$/i.test(name.trim()) ? "feminine" : "masculine";
}

/** The persona's age band: an age written in the English description, else words such as "retired". */
export function ageOf(name: string, description?: Localized): ResolvedLook["age"] {
  const en = englishText(description).toLowerCase();
  const written = /(?:,\s*|\baged\s+)(\d{2})(?=\s*[,.;)]|\s+years?\b)|\b(\d{2})[- ]years?[- ]old\b/.exec(en);
  const years = Number(written?.[1] ?? written?.[2] ?? NaN);
  if (Number.isFinite(years)) {
    return years < 30 ? "young" : years < 45 ? "adult" : years < 60 ? "middle-aged" : "senior";
  }
  if (/\b(retired|pensioner|grandmother|grandfather|grandchild\w*|widow\w*)\b/.test(en)) return "senior";
  if (/\b(student|teenager|apprentice|first job)\b/.test(en)) return "young";
  if (/\b(mother|father|mum|dad) of\b/.test(en)) return "adult";
  return hash(`${name}|age`) % 2 === 0 ? "adult" : "middle-aged";
}

function pick<T>(list: readonly T[], name: string, salt: string): T {
  return list[hash(`${name}|${salt}`) % list.length] as T;
}

/**
 * The persona's look with every field decided: what the author wrote under `persona.look`, and for
 * the rest a deterministic default from the persona's name, description and the scenario's audience
 * (an older man more likely balding and in glasses, a B2B client in a suit or blazer).
 */
export function resolveLook(source: LookSource): ResolvedLook {
  const { name, description, look = {} } = source.persona;
  const key = name.trim().toLowerCase();
  const gender = look.gender ?? genderOf(name, description);
  const age = look.age ?? ageOf(name, description);
  const senior = age === "senior";
  const hairChoices: readonly ResolvedLook["hair"][] =
    gender === "feminine"
      ? senior
        ? ["bob", "bun", "short", "curly"]
        : ["long", "bob", "bun", "ponytail", "curly"]
      : senior
        ? ["short", "balding", "bald", "side-part"]
        : age === "middle-aged"
          ? ["short", "side-part", "balding", "curly"]
          : ["short", "side-part", "curly"];
  const hairColourChoices: readonly ResolvedLook["hairColour"][] = senior
    ? ["grey", "white", "grey"]
    : age === "middle-aged"
      ? ["dark-brown", "brown", "black", "grey", "blonde"]
      : hairColours.filter((c) => c !== "grey" && c !== "white");
  const clothesChoices: readonly ResolvedLook["clothes"][] =
    source.audience === "B2B"
      ? ["suit", "blazer", "shirt"]
      : senior
        ? ["cardigan", "sweater", "shirt", "coat"]
        : ["sweater", "cardigan", "hoodie", "shirt", "coat"];
  const wearsGlasses = hash(`${key}|glasses`) % 10 < (senior ? 6 : 3);
  return {
    age,
    gender,
    hair: look.hair ?? pick(hairChoices, key, "hair"),
    hairColour: look.hairColour ?? pick(hairColourChoices, key, "hairColour"),
    skin: look.skin ?? pick(skinTones, key, "skin"),
    glasses: look.glasses ?? (wearsGlasses ? pick(["round", "square"] as const, key, "frames") : "none"),
    facialHair:
      look.facialHair ??
      (gender === "feminine"
        ? "none"
        : pick(["none", "none", "stubble", "moustache", "beard"] as const, key, "beard")),
    clothes: look.clothes ?? pick(clothesChoices, key, "clothes"),
    clothesColour: look.clothesColour ?? pick(clothesColours, key, "clothesColour"),
  };
}
