import { z } from "zod";

/**
 * The words a scenario may use to describe how its customer looks (`persona.look`). Each is drawn by
 * the client's CustomerFace; the README's word lists explain them. Every field is optional: what the
 * author leaves out is filled in by `resolveLook` from the persona's name and description.
 */
export const lookAges = ["young", "adult", "middle-aged", "senior"] as const;
/** Grammatical gender of the persona's name: decides the form of the emotion and mood words. */
export const lookGenders = ["feminine", "masculine"] as const;
export const hairStyles = [
  "short",
  "side-part",
  "curly",
  "long",
  "bob",
  "bun",
  "ponytail",
  "balding",
  "bald",
] as const;
export const hairColours = [
  "black",
  "dark-brown",
  "brown",
  "auburn",
  "red",
  "blonde",
  "grey",
  "white",
] as const;
export const skinTones = ["light", "fair", "medium", "olive", "brown", "dark"] as const;
export const glassesStyles = ["none", "round", "square"] as const;
export const facialHairStyles = ["none", "stubble", "moustache", "beard"] as const;
export const clothesStyles = ["suit", "blazer", "shirt", "sweater", "cardigan", "hoodie", "coat"] as const;
export const clothesColours = [
  "navy",
  "grey",
  "charcoal",
  "black",
  "white",
  "blue",
  "teal",
  "green",
  "olive",
  "burgundy",
  "red",
  "mustard",
  "brown",
  "purple",
] as const;

/** What an author may write under `persona.look`; every field may be left out. */
export const personaLookSchema = z.strictObject({
  age: z.enum(lookAges).optional(),
  gender: z.enum(lookGenders).optional(),
  hair: z.enum(hairStyles).optional(),
  hairColour: z.enum(hairColours).optional(),
  skin: z.enum(skinTones).optional(),
  glasses: z.enum(glassesStyles).optional(),
  facialHair: z.enum(facialHairStyles).optional(),
  clothes: z.enum(clothesStyles).optional(),
  clothesColour: z.enum(clothesColours).optional(),
});
/** A look as written in the file: any field may be missing. */
export type PersonaLook = z.infer<typeof personaLookSchema>;

/** A look with every field decided, as the views carry it to the clients. */
export const resolvedLookSchema = personaLookSchema.required();
/** A look with every field decided. */
export type ResolvedLook = z.infer<typeof resolvedLookSchema>;

/** The look's fields whose values are word lists, for HS017 ("unknown word") diagnostics. */
export const lookFields = Object.keys(personaLookSchema.shape) as (keyof PersonaLook)[];
