import type { ProjectorView, Role, TraineeView, TrainerView } from "@hotseat/shared";
import { getLocale, setLocale, type UiLocale } from "../i18n/t";
import type { RewindCue } from "../viewModel/rewindCue";

/** Any role's view, as the server sends it. */
export type RoleView = TraineeView | ProjectorView | TrainerView;

/** The connection as the user should understand it. */
export type ConnectionStatus = "idle" | "connecting" | "connected" | "reconnecting" | "lost" | "kicked";

/** Everything scenes draw from: the session's view plus local preferences and status. */
export type AppState = {
  status: ConnectionStatus;
  /** Why the server closed the connection for good (its close or refusal code), when `status` is "kicked". */
  closeCode?: number | undefined;
  role?: Role;
  code?: string;
  view?: RoleView;
  /** The last refusal from the server (its code is an ErrorCode, or a client's own), shown briefly. */
  error?: { code: string; message: string; at: number };
  locale: UiLocale;
  reducedMotion: boolean;
  /** The address trainees open, shown on the projector and console. */
  joinUrl?: string;
  /** The last rewind this page saw happen, shown briefly on the wall and phones (see app/watchCues.ts). */
  rewound?: { cue: RewindCue; at: number };
};

type Listener = (state: AppState) => void;

/** A tiny observable store: one state object, replaced on every change, listeners called in order. */
export class Store {
  private state: AppState;
  private readonly listeners = new Set<Listener>();

  constructor(initial: AppState) {
    this.state = initial;
  }

  /** The current state. */
  get(): AppState {
    return this.state;
  }

  /** Merges a change and notifies listeners. */
  update(change: Partial<AppState>): void {
    this.state = { ...this.state, ...change };
    if (change.locale && change.locale !== getLocale()) setLocale(change.locale);
    for (const l of [...this.listeners]) l(this.state);
  }

  /** Calls `listener` on every change until the returned function is called. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
