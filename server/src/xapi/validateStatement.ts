// xapi-validation is Learning Locker's statement validator (the rules its LRS, conformance-tested against
// ADL's suite, applies): every IRI, UUID, duration, scaled score, language map and identifier rule of
// xAPI 1.0.3. It is CommonJS with the validator as `default`.
import xapiValidation from "xapi-validation";

type Warning = {
  name: string;
  path: readonly (string | number)[];
  /** TypeWarning: the kind of value expected. */
  typeName?: string;
  /** RestrictedKeysWarning: the keys the specification does not allow there. */
  keys?: readonly string[];
};

// Node's ESM loader hands the CommonJS module over whole (`{ default }`); bundlers hand over `default`.
const loaded: unknown = xapiValidation;
const validate = (typeof loaded === "function" ? loaded : (loaded as { default: unknown }).default) as (
  data: unknown,
) => Warning[];

/** What is wrong with a statement under xAPI 1.0.3, one line per problem; empty when it is valid. */
export function statementProblems(statement: unknown): string[] {
  return validate(statement).map(
    (w) =>
      `${w.path.join(".")}: ${
        w.typeName ? `not a valid ${w.typeName}` : w.keys ? `keys not allowed: ${w.keys.join(", ")}` : w.name
      }`,
  );
}
