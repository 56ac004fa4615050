/**
 * The text a new Studio scenario starts from: the smallest scenario that loads without errors (one
 * customer line, two options, two endings), with comments that tell a first-time author what each part is.
 */
export function blankScenario(id: string): string {
  return `formatVersion: 1
id: ${id}
# The title and summary trainers see in the library.
title: A new scenario
summary: What happens in this conversation, in one or two sentences.
languages: [en]
audience: B2C
persona:
  name: Alex
  description: Who the customer is and how they feel today.
  customerType: aggressive
matter:
  hard: What the customer wants (a refund, a repair, an answer)
  soft: [anger]
values: [Being taken seriously]
brokenPromise: What the customer was promised
currency: EUR
# Where the customer's mood starts, from 0 (furious) to 100 (delighted).
meters: { mood: 30 }

# How the conversation can end; every final state names one of these.
endings:
  calmed:
    outcome: kept
    title: The customer calms down
    debrief: Why this ending happened, for the debrief.
  walked-out:
    outcome: lost-quietly
    title: The customer walks away
    debrief: Why this ending happened, for the debrief.

# The conversation: each state is a moment, each option a response the trainee can pick.
machine:
  initial: opening
  states:
    opening:
      meta: { line: What the customer says first., emotion: anger }
      on:
        listen:
          target: calm-end
          actions: [{ type: effect, params: { mood: 20 } }]
          meta:
            label: Tell me what happened.
            feedback: Listening first lets the customer be heard.
            tags: [listens]
        argue:
          target: lost-end
          actions: [{ type: effect, params: { mood: -20 } }]
          meta:
            label: That is not what our policy says.
            feedback: Quoting the policy before listening makes the customer feel dismissed.
            tags: [blames-customer]
    calm-end:
      type: final
      meta: { line: Thank you for listening., emotion: calm, ending: calmed }
    lost-end:
      type: final
      meta: { line: Forget it., emotion: disappointment, ending: walked-out }
`;
}
