import { projectProjector, projectTrainee, projectTrainer } from "@hotseat/shared";
import type { ProjectorView, SessionState, TraineeView, TrainerView } from "@hotseat/shared";
import type { Seat } from "./seat";

/** The view a connection gets: the session core's projection for its role (and, for a trainee, its seat). */
export function viewOf(
  state: SessionState,
  seat: Pick<Seat, "role" | "traineeId">,
): TraineeView | ProjectorView | TrainerView {
  switch (seat.role) {
    case "trainer":
      return projectTrainer(state);
    case "projector":
      return projectProjector(state);
    case "trainee":
      return projectTrainee(state, seat.traineeId ?? "");
  }
}
