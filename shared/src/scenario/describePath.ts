import type { DataPath } from "./diagnostic";

/** Where a path points, in a trainer's words: the thing (state, option, ending) and the field inside it. */
export type PathDescription = { subject: string; field: string };

/** Splits a data path into the scenario element it belongs to and the field within it. */
export function describePath(path: DataPath): PathDescription {
  const [first, second, state, section, name, ...rest] = path;
  if (first === "machine" && second === "states" && typeof state === "string") {
    if (section === "on" && typeof name === "string") {
      const [branch, ...fieldPath] = rest;
      if (typeof branch === "number") {
        return {
          subject: `option "${name}" (branch ${branch + 1}) in state "${state}"`,
          field: fieldText(fieldPath),
        };
      }
      return { subject: `option "${name}" in state "${state}"`, field: fieldText(rest) };
    }
    if (section === "always") {
      if (typeof name === "number") {
        return { subject: `automatic check ${name + 1} of state "${state}"`, field: fieldText(rest) };
      }
      return { subject: `the automatic check of state "${state}"`, field: fieldText(path.slice(4)) };
    }
    return { subject: `state "${state}"`, field: fieldText(path.slice(3)) };
  }
  if (first === "endings" && typeof second === "string") {
    return { subject: `ending "${second}"`, field: fieldText(path.slice(2)) };
  }
  return { subject: "", field: fieldText(path) };
}

/** `"meta.line" of state "opening"`, `option "ask" in state "opening"`, `"title"`, or `the file`. */
export function describeWhere(path: DataPath): string {
  const { subject, field } = describePath(path);
  if (field && subject) return `"${field}" of ${subject}`;
  if (field) return `"${field}"`;
  return subject || "the file";
}

/** The text with a capital first letter, for the start of a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Lists are numbered from 1 for people: actions[2] is the second action.
function fieldText(path: DataPath): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment + 1}]`;
    else text += text ? `.${segment}` : segment;
  }
  return text;
}
