import { maxNameLength } from "../protocol/joinOptions";
import type { SessionContext, Team, Trainee } from "./sessionState";

/** Trims a name, drops control characters, folds inner spaces and cuts it to 24 characters. */
export function cleanName(raw: string | undefined): string {
  const cleaned = (raw ?? "")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const cut = Array.from(cleaned).slice(0, maxNameLength).join("").trim();
  return cut === "" ? "Trainee" : cut;
}

/** A name nobody else on the roster uses (case-insensitive): "Ana", then "Ana 2", "Ana 3"... */
export function uniqueName(wanted: string, trainees: readonly Trainee[], exceptId?: string): string {
  const taken = new Set(trainees.filter((t) => t.id !== exceptId).map((t) => t.name.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const base = Array.from(wanted)
      .slice(0, maxNameLength - suffix.length)
      .join("")
      .trimEnd();
    const candidate = base + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Trainees who take part: on the roster and not removed, in join order. */
export function activeTrainees(ctx: SessionContext): readonly Trainee[] {
  return rosterDerived(ctx.trainees).active;
}

/** The trainee with this id, if any. */
export function traineeById(ctx: SessionContext, id: string | undefined): Trainee | undefined {
  return id === undefined ? undefined : rosterIndex(ctx.trainees).get(id);
}

// Projections look trainees, teams and captains up once per connection, so a linear search (or a sort)
// made each flush O(N²) in class size. The roster array is replaced on every change, never mutated, so
// what is derived from one array stays true for as long as that array lives.
type RosterDerived = {
  byId: Map<string, Trainee>;
  active: readonly Trainee[];
  byTeam: Map<string, readonly Trainee[]>;
};
const derived = new WeakMap<readonly Trainee[], RosterDerived>();
function rosterDerived(trainees: readonly Trainee[]): RosterDerived {
  let found = derived.get(trainees);
  if (found === undefined) {
    const active = trainees.filter((t) => !t.removed).sort((a, b) => a.seq - b.seq);
    const byTeam = new Map<string, Trainee[]>();
    for (const t of active) {
      if (t.teamId === undefined) continue;
      const members = byTeam.get(t.teamId);
      if (members) members.push(t);
      else byTeam.set(t.teamId, [t]);
    }
    found = { byId: new Map(trainees.map((t) => [t.id, t])), active, byTeam };
    derived.set(trainees, found);
  }
  return found;
}
function rosterIndex(trainees: readonly Trainee[]): Map<string, Trainee> {
  return rosterDerived(trainees).byId;
}

/** Replaces one trainee by id. */
export function updateTrainee(ctx: SessionContext, id: string, change: Partial<Trainee>): Trainee[] {
  return ctx.trainees.map((t) => (t.id === id ? { ...t, ...change } : t));
}

/** Members of a team who take part, in join order. */
export function teamMembers(ctx: SessionContext, teamId: string): readonly Trainee[] {
  return rosterDerived(ctx.trainees).byTeam.get(teamId) ?? [];
}

/**
 * The team's captain, who chooses for the team: the earliest-joined connected member, else the
 * earliest member. Computed, not stored, so a captain whose phone drops is replaced at once.
 */
export function captainOf(ctx: SessionContext, teamId: string): Trainee | undefined {
  const members = teamMembers(ctx, teamId);
  return members.find((t) => t.connected) ?? members[0];
}

/** The team with the fewest active members (the first on a draw), where a late joiner goes. */
export function smallestTeam(ctx: SessionContext): Team | undefined {
  let best: Team | undefined;
  let bestSize = Infinity;
  for (const team of ctx.teams) {
    const size = teamMembers(ctx, team.id).length;
    if (size < bestSize) {
      best = team;
      bestSize = size;
    }
  }
  return best;
}

/** `count` teams named Team 1..N, with the active trainees dealt round-robin in join order. */
export function splitIntoTeams(ctx: SessionContext, count: number): { teams: Team[]; trainees: Trainee[] } {
  const teams = Array.from({ length: count }, (_, i) => ({ id: `team-${i + 1}`, name: `Team ${i + 1}` }));
  const order = activeTrainees(ctx).map((t) => t.id);
  const trainees = ctx.trainees.map((t) => {
    const index = order.indexOf(t.id);
    const { teamId: _old, ...rest } = t;
    const team = index < 0 ? undefined : teams[index % count];
    return team === undefined ? rest : { ...rest, teamId: team.id };
  });
  return { teams, trainees };
}

/** The next active trainee after `currentId` in join order (wrapping), for rotating the hot seat. */
export function nextInRotation(ctx: SessionContext, currentId: string | undefined): Trainee | undefined {
  const active = activeTrainees(ctx);
  const current = traineeById(ctx, currentId);
  if (current === undefined) return active[0];
  return active.find((t) => t.seq > current.seq) ?? active[0];
}
