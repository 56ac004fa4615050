import {
  createGroupResponseSchema,
  hostResponseSchema,
  deletedResponseSchema,
  groupDetailSchema,
  groupListResponseSchema,
  groupRecordsAnswerSchema,
  learnerRecordSchema,
  lrsStatusSchema,
  renewLinkResponseSchema,
} from "@hotseat/shared";
import type {
  CreateGroupRequest,
  CreateGroupResponse,
  GroupDetail,
  GroupRecordsAnswer,
  GroupSummary,
  HostRequest,
  HostResponse,
  LearnerRecord,
  LrsConfigRequest,
  LrsStatus,
  RenewLinkResponse,
  RosterLine,
} from "@hotseat/shared";
import { api } from "../net/api";
import { trainerTokenKeyPrefix } from "../net/mySessions";

// The trainer's side of the learning record's HTTP API (server/src/http/learningRoutes.ts). Every group
// route takes the group's key as a Bearer; without one the server refuses (`group.key-missing`) and the
// page shows that refusal in its language, so a browser without the key learns why, not just "error".

const bearer = (key: string | undefined): HeadersInit => (key ? { authorization: `Bearer ${key}` } : {});
const groupPath = (groupId: string) => `/api/groups/${encodeURIComponent(groupId)}`;
const learnerPath = (groupId: string, learnerId: string) =>
  `${groupPath(groupId)}/learners/${encodeURIComponent(learnerId)}`;

/** `POST /api/groups`. */
export function createGroup(request: CreateGroupRequest): Promise<CreateGroupResponse> {
  return api(createGroupResponseSchema, "/api/groups", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
  });
}

/** `GET /api/groups`: the groups whose keys this browser keeps (none asked when it keeps none). */
export async function listGroups(keys: readonly string[]): Promise<GroupSummary[]> {
  if (keys.length === 0) return [];
  const answer = await api(groupListResponseSchema, "/api/groups", { headers: bearer(keys.join(",")) });
  return answer.groups;
}

/** `GET /api/groups/:id`: the group and its roster. */
export function groupDetail(groupId: string, key: string | undefined): Promise<GroupDetail> {
  return api(groupDetailSchema, groupPath(groupId), { headers: bearer(key) });
}

/** `GET /api/groups/:id/records`: every learner's record. */
export function groupRecords(groupId: string, key: string | undefined): Promise<GroupRecordsAnswer> {
  return api(groupRecordsAnswerSchema, `${groupPath(groupId)}/records`, { headers: bearer(key) });
}

/** `POST /api/groups/:id/learners`: more learners on the group's list. */
export function addLearners(groupId: string, learners: RosterLine[], key: string): Promise<GroupDetail> {
  return api(groupDetailSchema, `${groupPath(groupId)}/learners`, {
    method: "POST",
    headers: { ...bearer(key), "content-type": "application/json" },
    body: JSON.stringify({ learners }),
  });
}

/** `POST …/learners/:learnerId/renew`: a one-time link that moves the learner's record to a new phone. */
export function renewLink(groupId: string, learnerId: string, key: string): Promise<RenewLinkResponse> {
  return api(renewLinkResponseSchema, `${learnerPath(groupId, learnerId)}/renew`, {
    method: "POST",
    headers: bearer(key),
  });
}

/** `GET …/learners/:learnerId/export`: everything kept about the learner. */
export function exportLearner(groupId: string, learnerId: string, key: string): Promise<LearnerRecord> {
  return api(learnerRecordSchema, `${learnerPath(groupId, learnerId)}/export`, { headers: bearer(key) });
}

/** `DELETE …/learners/:learnerId`: forgets the learner's identity; their runs stay anonymous. */
export async function deleteLearner(groupId: string, learnerId: string, key: string): Promise<void> {
  await api(deletedResponseSchema, learnerPath(groupId, learnerId), {
    method: "DELETE",
    headers: bearer(key),
  });
}

/**
 * `POST /api/sessions` for a group (its id and key): hosts a session whose learners' choices count in the
 * group's records. The trainer token is kept where the console looks for it (as Connection.host does),
 * so the console opened next has control. Not Connection.host itself: importing the connection here
 * would split the trainee's entry chunk in two (measured: +1.2 KB on a phone's first load).
 */
export async function hostForGroup(request: HostRequest): Promise<HostResponse> {
  const hosted = await api(hostResponseSchema, "/api/sessions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
  });
  try {
    localStorage.setItem(`${trainerTokenKeyPrefix}${hosted.code}`, hosted.trainerToken);
    localStorage.setItem(`hotseat.joinUrl.${hosted.code}`, hosted.joinUrl);
  } catch {
    // Without storage the console cannot take control after this page: the refusal there says so.
  }
  return hosted;
}

const lrsPath = (groupId: string) => `${groupPath(groupId)}/lrs`;

/** `GET /api/groups/:id/lrs`: the group's LRS (no secret) and its outbox's state. */
export function lrsStatus(groupId: string, key: string): Promise<LrsStatus> {
  return api(lrsStatusSchema, lrsPath(groupId), { headers: bearer(key) });
}

/** `PUT /api/groups/:id/lrs`: statements go to this LRS from now on, the group's record so far first. */
export function setLrs(groupId: string, config: LrsConfigRequest, key: string): Promise<LrsStatus> {
  return api(lrsStatusSchema, lrsPath(groupId), {
    method: "PUT",
    headers: { ...bearer(key), "content-type": "application/json" },
    body: JSON.stringify(config),
  });
}

/** `DELETE /api/groups/:id/lrs`: no more statements are sent. */
export function removeLrs(groupId: string, key: string): Promise<LrsStatus> {
  return api(lrsStatusSchema, lrsPath(groupId), { method: "DELETE", headers: bearer(key) });
}

/** `POST /api/groups/:id/lrs/retry`: send what waits now, without waiting out the backoff. */
export function retryLrs(groupId: string, key: string): Promise<LrsStatus> {
  return api(lrsStatusSchema, `${lrsPath(groupId)}/retry`, { method: "POST", headers: bearer(key) });
}

/** The group's CSV for the LMS, as a link (the key rides in the query: a download cannot send a header). */
export function groupCsvHref(groupId: string, key: string): string {
  return `${groupPath(groupId)}/lms.csv?token=${encodeURIComponent(key)}`;
}
