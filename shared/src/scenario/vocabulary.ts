/**
 * The fixed vocabulary a scenario file may use. Authors only reference these names; the engine
 * implements each once (see `compileScenario`), so a file can never run code of its own.
 */

/** Technique tags from DOMAIN.md: what good staff do. */
export const goodTechniques = [
  "listens",
  "acknowledges-emotion",
  "keeps-informed",
  "lets-customer-win",
  "sets-boundary",
  "escalates",
  "apologises",
  "explains",
  "offers-solution",
  "takes-ownership",
] as const;

/** The staff defence mechanisms and other anti-patterns from DOMAIN.md. */
export const antiPatterns = [
  "denies-emotion",
  "over-gives",
  "blames-subcontractor",
  "blames-customer",
  "humiliates",
  "rushes-to-fix",
  "hides-behind-procedure",
] as const;

export const techniqueTags = [...goodTechniques, ...antiPatterns] as const;
export type TechniqueTag = (typeof techniqueTags)[number];

/** The soft matter: the emotion or need behind the customer's behaviour. */
export const softMatters = ["regret", "anger", "disappointment", "fear"] as const;
export type SoftMatter = (typeof softMatters)[number];

/** What the customer's face shows in a state; drives the projector's drawing. */
export const emotions = [...softMatters, "calm", "pleased", "delighted", "contempt"] as const;
export type Emotion = (typeof emotions)[number];

/** How a run ended for the relationship, from best to worst. */
export const outcomes = ["ambassador", "kept", "neutral", "lost-quietly", "public-adversary"] as const;
export type Outcome = (typeof outcomes)[number];

/** Lines of the company's cost ledger. */
export const costItems = [
  "refund",
  "replacement",
  "discount",
  "gift",
  "shipping",
  "compensation",
  "staffTime",
  "lostRevenue",
] as const;
export type CostItem = (typeof costItems)[number];

/** Optional meters besides mood and cost. */
export const optionalMeters = ["reputation", "strain"] as const;
export type OptionalMeter = (typeof optionalMeters)[number];

/** Customer types for the trainee profile (DOMAIN.md: each employee handles some types badly). */
export const customerTypes = [
  "aggressive",
  "expert",
  "demanding",
  "anxious",
  "disappointed",
  "never-satisfied",
  "mistaken",
] as const;
export type CustomerType = (typeof customerTypes)[number];
