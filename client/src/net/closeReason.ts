import type { MessageKey } from "../i18n/en";

/**
 * The sentence a page shows when the server closed its connection for good, by the close or refusal code
 * (see the server's `roomCodes.ts`): removed, replaced by another tab, flooding, or a join refused.
 */
export function closeReasonKey(code: number | undefined): MessageKey {
  switch (code) {
    case 4004: // removed by the trainer
    case 4404: // joining again after being removed
      return "conn.kicked";
    case 4005:
      return "conn.replaced";
    case 4100:
      return "conn.flooding";
    case 4401:
      return "conn.badToken";
    case 4403:
      return "conn.locked";
    case 4409:
      return "conn.soloFull";
    case undefined:
    default:
      return "conn.refused";
  }
}
