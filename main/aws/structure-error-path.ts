/**
 * Where in the pipeline a service structure error points. CodePipeline names the element in its
 * message (`… action 'Build' …`, `… stage 'Deploy' …`), so quoted names are matched against the
 * document, actions before stages since they are the more specific.
 */
import type { JsonPath, PipelineDeclaration } from "../../shared/pipeline/model";

function quoted(message: string, name: string): boolean {
  return message.includes(`'${name}'`) || message.includes(`"${name}"`) || message.includes(`[${name}]`);
}

/** The path (from the pipeline) of the action or stage a message names, if exactly one matches. */
export function pathFromStructureMessage(
  pipeline: PipelineDeclaration,
  message: string,
): JsonPath | undefined {
  const stages = Array.isArray(pipeline.stages) ? pipeline.stages : [];
  const actions: JsonPath[] = [];
  const stageHits: JsonPath[] = [];
  stages.forEach((stage, s) => {
    if (typeof stage?.name === "string" && quoted(message, stage.name)) stageHits.push(["stages", s]);
    (Array.isArray(stage?.actions) ? stage.actions : []).forEach((action, a) => {
      if (typeof action?.name === "string" && quoted(message, action.name))
        actions.push(["stages", s, "actions", a]);
    });
  });
  if (actions.length === 1) {
    // An action name can repeat across stages; a stage named too settles which one.
    return actions[0];
  }
  if (actions.length > 1) {
    const inNamedStage = actions.filter((p) => stageHits.some((s) => s[1] === p[1]));
    if (inNamedStage.length === 1) return inNamedStage[0];
  }
  return stageHits.length === 1 ? stageHits[0] : undefined;
}
