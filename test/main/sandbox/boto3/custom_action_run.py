"""A custom action end to end, as a team would test its job worker: boto3 creates the custom action
type and a pipeline using it, the README's example worker (examples/job_worker.py, run as the
README says) handles the job, and a later action consumes the worker's output variable.

Run by job-worker-example.test.ts:  python3 custom_action_run.py <pipeline.json> [--fail-with MSG]
(endpoint and dummy credentials from the standard AWS environment). Prints one JSON object with
what a user would look at: the run's status, the custom action's execution and the consumer's.
"""

import json
import os
import subprocess
import sys
import time

import boto3

pipeline = json.load(open(sys.argv[1]))
worker_args = sys.argv[2:]
cp = boto3.client("codepipeline")
build = next(s for s in pipeline["stages"] if s["name"] == "Build")["actions"][0]
action_type = build["actionTypeId"]

cp.create_custom_action_type(
    category=action_type["category"],
    provider=action_type["provider"],
    version=action_type["version"],
    configurationProperties=[
        {"name": "ProjectName", "required": True, "key": True, "secret": False, "queryable": True, "type": "String"},
    ],
    inputArtifactDetails={"minimumCount": 0, "maximumCount": 5},
    outputArtifactDetails={"minimumCount": 0, "maximumCount": 5},
)
cp.create_pipeline(pipeline=pipeline)
name = pipeline["name"]
run_id = cp.list_pipeline_executions(pipelineName=name)["pipelineExecutionSummaries"][0]["pipelineExecutionId"]

worker = os.path.join(os.path.dirname(__file__), "../../../../examples/job_worker.py")
job_id = subprocess.run(
    [
        sys.executable, worker,
        "--category", action_type["category"], "--provider", action_type["provider"],
        "--version", action_type["version"], "--query", "ProjectName=web",
        "--once", "--max-wait", "30", "--interval", "0.05", *worker_args,
    ],
    check=True, capture_output=True, text=True,
).stdout.strip()

deadline = time.monotonic() + 30
while True:
    status = cp.get_pipeline_execution(pipelineName=name, pipelineExecutionId=run_id)["pipelineExecution"]["status"]
    if status in ("Succeeded", "Failed", "Stopped"):
        break
    if time.monotonic() > deadline:
        raise SystemExit(f"the run is still {status}")
    time.sleep(0.02)

details = cp.list_action_executions(pipelineName=name, filter={"pipelineExecutionId": run_id})["actionExecutionDetails"]


def action(action_name):
    found = next((d for d in details if d["actionName"] == action_name), None)
    if found is None:
        return None
    return {
        "status": found["status"],
        "externalExecutionId": found.get("output", {}).get("executionResult", {}).get("externalExecutionId"),
        "summary": found.get("output", {}).get("executionResult", {}).get("externalExecutionSummary"),
        "errorMessage": found.get("output", {}).get("executionResult", {}).get("errorDetails", {}).get("message"),
        "outputVariables": found.get("output", {}).get("outputVariables"),
        "configuration": found.get("input", {}).get("resolvedConfiguration"),
    }


state = cp.get_pipeline_state(name=name)["stageStates"]
build_state = next(s for s in state if s["stageName"] == "Build")["actionStates"][0].get("latestExecution", {})
print(json.dumps({
    "runId": run_id,
    "jobId": job_id,
    "status": status,
    "compile": action("Compile"),
    "publish": action("Publish"),
    "buildState": {"status": build_state.get("status"), "errorMessage": build_state.get("errorDetails", {}).get("message")},
}))
