import type { RunsUpdate } from "../../shared/ipc";
import type { Gateway } from "../aws";
import { choiceOf } from "../aws/connection";
import { RunsService } from "../aws/runs-service";
import type { PollerClock } from "../aws/run-poller";
import { RunsWatch } from "../aws/runs-watch";
import type { EmitEvent } from "./services";

/** The runs side of the services: reads and controls, and the pollers that watched pipelines share. */
export interface RunsServices {
  service: RunsService;
  watch: RunsWatch;
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
