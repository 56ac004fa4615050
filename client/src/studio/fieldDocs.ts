// What each field of a scenario means, in the words of the README's YAML reference ("Every field
// explained", "Actions", "Guards"): the hover help of the Studio's text editor and the details of its
// completions. The YAML keys are English words, and so is the reference they come from.

/** An action or a guard: the params it takes and what it does. */
export type CallDoc = { params: string; text: string };

export const actionDocs: Record<string, CallDoc> = {
  effect: {
    params: "mood, reputation, strain, cost",
    text: "Moves the meters: changes from -100 to 100; cost adds items to the ledger.",
  },
  remember: { params: "fact", text: "Notes a fact for later guards (remembers, forgot)." },
  forget: { params: "fact", text: "Removes a fact noted earlier." },
};

export const guardDocs: Record<string, CallDoc> = {
  moodBelow: { params: "value", text: "Holds when mood is below value." },
  moodAtLeast: { params: "value", text: "Holds when mood is value or more." },
  reputationBelow: { params: "value", text: "Holds when reputation is below value." },
  reputationAtLeast: { params: "value", text: "Holds when reputation is value or more." },
  strainAbove: { params: "value", text: "Holds when staff strain is above value." },
  strainAtMost: { params: "value", text: "Holds when staff strain is value or less." },
  costAbove: { params: "value", text: "Holds when the cost ledger's total is above value." },
  costAtMost: { params: "value", text: "Holds when the total cost is value or less." },
  said: { params: "tag", text: "Holds when a response with this technique tag was chosen earlier." },
  notSaid: { params: "tag", text: "Holds when no response with this tag was chosen yet." },
  chose: { params: "option", text: "Holds when the option with this id was chosen earlier." },
  notChose: { params: "option", text: "Holds when that option was not chosen." },
  remembers: { params: "fact", text: "Holds when the fact was noted with remember and not forgotten." },
  forgot: { params: "fact", text: "Holds when the fact is not noted." },
  visited: { params: "state", text: "Holds when the conversation has been in this state before." },
  notVisited: { params: "state", text: "Holds when the conversation has not been in this state." },
};

/** Every field a scenario may have, by its key; nested keys that mean one thing wherever they are. */
export const fieldDocs: Record<string, string> = {
  formatVersion: "Always 1 for now. Hotseat refuses files newer than it understands (HS013).",
  id: "Short name in lowercase letters, digits and dashes, starting with a letter. Use the folder's name.",
  title: "The scenario's title (library, projector), or an ending's title shown when the conversation ends.",
  summary: "One or two sentences for the library: who, what went wrong.",
  languages: "The languages every text is written in, e.g. [en, pl]. The first one is the default.",
  audience: "B2C (private customers) or B2B (business customers).",
  estimatedMinutes: "About how long a class takes to play and discuss it, in whole minutes.",
  setting: 'Where it happens, e.g. "An online shop for merino knitwear".',
  persona: "The customer: name, description, customerType, and optionally look.",
  name: "The customer's name.",
  description: "The persona's description; on a state or option, a note for authors that is never shown.",
  customerType: "The kind of customer (see the word lists: customer types).",
  look: "How the customer's face is drawn; every field is optional and chosen from the persona if left out.",
  age: "young, adult, middle-aged, senior.",
  gender: "feminine or masculine: the grammatical gender of the words about the customer.",
  hair: "A hair style from the word lists.",
  hairColour: "A hair colour from the word lists.",
  skin: "light, fair, medium, olive, brown, dark.",
  glasses: "none, round, square.",
  facialHair: "none, stubble, moustache, beard.",
  clothes: "A cut of clothes from the word lists.",
  clothesColour: "A colour of clothes from the word lists.",
  matter:
    "hard: what the customer wants. soft: the feelings behind it (regret, anger, disappointment, fear).",
  hard: "What the customer wants: repair, refund, a better price.",
  soft: "The feelings behind the complaint: regret, anger, disappointment, fear.",
  values: "What this customer values; each item is a text.",
  brokenPromise: "Which promise the company broke.",
  currency: "Three capital letters (EUR, PLN, RON...). All costs are in this currency.",
  meters: "Starting values from 0 to 100: mood (required), reputation and strain (optional).",
  mood: "The customer's mood, 0 to 100. In an effect: the change, from -100 to 100.",
  reputation: "The company's reputation, 0 to 100. In an effect: the change, from -100 to 100.",
  strain: "The staff's strain, 0 to 100. In an effect: the change, from -100 to 100.",
  endings: "The ways the conversation can end, each under its own id.",
  outcome:
    "How the ending leaves the relationship: ambassador, kept, neutral, lost-quietly, public-adversary.",
  debrief: "The ending's text for the debrief.",
  machine: "The conversation: initial (the first state's id) and states.",
  initial: "The state the conversation starts in (HS015 if it does not exist).",
  states: "The moments of the conversation, each under its state id.",
  meta: "What is shown: a state's line, emotion and narration, or an option's label, feedback and tags.",
  line: "What the customer says in this moment. Required.",
  emotion: "The customer's face in this moment (see the word lists: emotions). Required.",
  narration: "Optional: what the trainee sees happen.",
  ending: "Final states only: the id of the ending this state leads to (HS014).",
  on: "The options the trainee can pick here, each under its option id.",
  always: "Automatic checks tried when the conversation arrives here, before the trainee sees it.",
  entry: "Actions done every time the conversation arrives in this state.",
  type: "final marks the end of a conversation; in an action or a guard, its name.",
  target: "The next state. Leave it out to stay in the same state (HS003 if it does not exist).",
  actions: "What the option does: a list of { type, params } actions (effect, remember, forget).",
  guard: "A condition: the branch is only taken when it holds. Branches are tried top to bottom.",
  params: "The action's or guard's values, e.g. { value: 15 }.",
  label: "The response as the trainee reads it. Two options of a state must differ (HS012).",
  feedback: "What the expert says after this response: why it works or what it costs.",
  tags: "The techniques (or anti-patterns) the response shows; the debrief is built from them.",
  cost: "A map of cost items to amounts added to the ledger (may be negative).",
  value: "A number of 0 or more that the guard compares with.",
  tag: "A technique tag.",
  option: "An option id.",
  fact: "A name in lowercase with dashes, noted with remember.",
  state: "A state id.",
};

/** The help for one word of a line: where the word is, and what it means. */
export type FieldHelp = { from: number; to: number; title: string; text: string };

/**
 * The help for the word at `column` of `line`: a field when the word is a key (`target:`), an action or a
 * guard when it is the name after `type:`. Undefined for any other word.
 */
export function helpAt(line: string, column: number): FieldHelp | undefined {
  for (const m of line.matchAll(/[A-Za-z][A-Za-z0-9-]*/g)) {
    const [from, to] = [m.index, m.index + m[0].length];
    if (column < from || column > to) continue;
    const word = m[0];
    const isKey = /^\s*:/.test(line.slice(to)) && /(?:^\s*(?:-\s+)?|[{,]\s*)$/.test(line.slice(0, from));
    if (isKey && fieldDocs[word] !== undefined) return { from, to, title: word, text: fieldDocs[word] };
    const call = /type:\s*$/.test(line.slice(0, from)) ? (guardDocs[word] ?? actionDocs[word]) : undefined;
    if (call) {
      const kind = guardDocs[word] ? "guard" : "action";
      return { from, to, title: `${word} (${kind}; params: ${call.params})`, text: call.text };
    }
    return undefined;
  }
  return undefined;
}
