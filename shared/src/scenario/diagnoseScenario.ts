import type { CheckContext } from "./checkContext";
import type { Diagnostic } from "./diagnostic";
import { diagnoseAutomatic } from "./diagnoseAutomatic";
import { diagnoseDuration } from "./diagnoseDuration";
import { diagnoseEndlessLoops } from "./diagnoseEndlessLoops";
import { diagnoseGraph } from "./diagnoseGraph";
import { diagnoseReferences } from "./diagnoseReferences";
import { diagnoseTexts } from "./diagnoseTexts";
import { diagnoseVocabulary } from "./diagnoseVocabulary";
import type { Scenario } from "./scenarioSchema";
import type { SourcePositions } from "./sourcePositions";

/**
 * Checks a schema-valid scenario for mistakes the schema cannot see: broken references (HS003–HS006,
 * HS014, HS015), the conversation's shape (HS007–HS009, including automatic moves), the texts trainees read
 * (HS011, HS012, HS016), the tags and cost items used and declared (HS017, HS006, HS021) and an estimated duration no class could sit through (HS020).
 */
export function diagnoseScenario(scenario: Scenario, positions: SourcePositions, file: string): Diagnostic[] {
  const context: CheckContext = { scenario, positions, file };
  return [
    ...diagnoseReferences(context),
    ...diagnoseGraph(context),
    ...diagnoseEndlessLoops(context),
    ...diagnoseAutomatic(context),
    ...diagnoseTexts(context),
    ...diagnoseVocabulary(context),
    ...diagnoseDuration(context),
  ];
}
