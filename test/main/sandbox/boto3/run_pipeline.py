"""Creates a pipeline with boto3, starts a run, waits for it to end and prints what the API says.

Usage: run_pipeline.py <create-pipeline-input.json> [<variables as JSON [{"name","value"}]>]
Prints {"execution", "summary", "actions", "state"} as JSON (timestamps as ISO strings).
"""
import json
import sys
import time

import boto3

client = boto3.client("codepipeline")
with open(sys.argv[1], encoding="utf-8") as f:
    create_input = json.load(f)
variables = json.loads(sys.argv[2]) if len(sys.argv) > 2 else []
name = create_input["pipeline"]["name"]

client.create_pipeline(**create_input)
run_id = client.start_pipeline_execution(name=name, **({"variables": variables} if variables else {}))[
    "pipelineExecutionId"
]

# Poll the run, as a user's script would, until it has ended (bounded so a hang fails the test).
deadline = time.monotonic() + 30
while True:
    execution = client.get_pipeline_execution(pipelineName=name, pipelineExecutionId=run_id)["pipelineExecution"]
    if execution["status"] not in ("InProgress", "Stopping"):
        break
    if time.monotonic() > deadline:
        raise SystemExit(f"run {run_id} still {execution['status']} after 30 s")
    time.sleep(0.02)

pages = client.get_paginator("list_action_executions").paginate(
    pipelineName=name, filter={"pipelineExecutionId": run_id}
)
actions = [detail for page in pages for detail in page["actionExecutionDetails"]]
summaries = client.list_pipeline_executions(pipelineName=name)["pipelineExecutionSummaries"]
summary = next(s for s in summaries if s["pipelineExecutionId"] == run_id)
state = client.get_pipeline_state(name=name)
for response in (execution, summary, state):
    response.pop("ResponseMetadata", None)
print(json.dumps({"execution": execution, "summary": summary, "actions": actions, "state": state}, default=str))
