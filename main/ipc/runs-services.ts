import type { ConnectionChoice, RunsUpdate } from "../../shared/ipc";
import type { Connection, Gateway } from "../aws";
import { RunsService } from "../aws/runs-service";
import type { PollerClock } from "../aws/run-poller";
import { RunsWatch } from "../aws/runs-watch";
import type { EmitEvent } from "./services";

/** The runs side of the services: reads and controls, and the pollers that watched pipelines share. */
export interface RunsServices {
  service: RunsService;
  watch: RunsWatch;
}

/** Connections of the runs channels are those the renderer names; the sandbox one has no endpoint. */
export function choiceOf(connection: Connection): ConnectionChoice {
  if (connection.kind === "sandbox") return { kind: "sandbox" };
  return connection.profile === undefined
    ? { kind: "aws", region: connection.region }
    : { kind: "aws", profile: connection.profile, region: connection.region };
}

export function createRunsServices(gateway: Gateway, emit: EmitEvent, clock?: PollerClock): RunsServices {
  const service = new RunsService(gateway);
  const watch = new RunsWatch(service, {
    ...(clock ? { clock } : {}),
    onUpdate: (pipelineName, connection, update) => {
      const payload: RunsUpdate = { pipelineName, connection: choiceOf(connection), ...update };
      emit("runs.updated", payload);
    },
    onAttention: (pipelineName, attention) => emit("runs.attention", { pipelineName, ...attention }),
  });
  return { service, watch };
}
