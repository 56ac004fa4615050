import { projectProjector, projectTrainee, projectTrainer } from "@hotseat/shared";
import type { ProjectorView, SessionState, TraineeView, TrainerView } from "@hotseat/shared";
import type { Seat } from "./seat";

/** The view a connection gets: the session core's projection for its role (for a trainee, its seat) in its language. */
export function viewOf(
  state: SessionState,
  seat: Pick<Seat, "role" | "traineeId" | "locale">,
): TraineeView | ProjectorView | TrainerView {
  switch (seat.role) {
    case "trainer":
      return projectTrainer(state, seat.locale);
    case "projector":
      return projectProjector(state, seat.locale);
    case "trainee":
      return projectTrainee(state, seat.traineeId ?? "", seat.locale);
  }
}
