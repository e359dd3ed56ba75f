"""Every CodePipeline operation, called through boto3 against the sandbox, each raw answer checked
against botocore's own copy of the service model (an independent reader of the model: members,
required members, types, enums, lengths, patterns, epoch-second timestamps).

Run by boto3-all-operations.test.ts:  python3 all_operations.py <fixtures.json>
(the endpoint and dummy credentials come from the standard AWS environment). Prints one JSON
object: {"called": [operation names], "problems": [text]}.
"""

import json
import re
import sys
import time

import boto3
from botocore.config import Config

fixtures = json.load(open(sys.argv[1]))
cp = boto3.client("codepipeline", config=Config(retries={"max_attempts": 1}))
model = cp.meta.service_model
problems = []
called = set()


def check(shape, value, path):
    """Appends to `problems` every way `value` differs from `shape`."""
    kind = shape.type_name
    if value is None:
        problems.append(f"{path}: null (AWS leaves absent members out)")
        return
    if kind == "structure":
        if not isinstance(value, dict):
            problems.append(f"{path}: not an object")
            return
        for name in shape.required_members:
            if name not in value:
                problems.append(f"{path}.{name}: required member missing")
        for name, child in value.items():
            if name not in shape.members:
                problems.append(f"{path}.{name}: not in the model")
            else:
                check(shape.members[name], child, f"{path}.{name}")
    elif kind == "list":
        if not isinstance(value, list):
            problems.append(f"{path}: not a list")
            return
        bounds(shape, len(value), path)
        for i, item in enumerate(value):
            check(shape.member, item, f"{path}[{i}]")
    elif kind == "map":
        if not isinstance(value, dict):
            problems.append(f"{path}: not a map")
            return
        bounds(shape, len(value), path)
        for key, item in value.items():
            check(shape.key, key, f"{path} key {key!r}")
            check(shape.value, item, f"{path}.{key}")
    elif kind == "string":
        if not isinstance(value, str):
            problems.append(f"{path}: not a string: {value!r}")
            return
        if shape.enum and value not in shape.enum:
            problems.append(f"{path}: {value!r} is not one of {shape.enum}")
        bounds(shape, len(value), path)
        pattern = shape.metadata.get("pattern")
        # Smithy patterns are not implicitly anchored; the model anchors the ones meant whole.
        if pattern and re.search(pattern, value) is None:
            problems.append(f"{path}: {value!r} does not match {pattern}")
    elif kind in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(f"{path}: not an integer: {value!r}")
            return
        bounds(shape, value, path)
    elif kind == "boolean":
        if not isinstance(value, bool):
            problems.append(f"{path}: not a boolean: {value!r}")
    elif kind == "timestamp":
        # The JSON protocol sends timestamps as epoch seconds.
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            problems.append(f"{path}: not epoch seconds: {value!r}")
    elif kind in ("double", "float"):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            problems.append(f"{path}: not a number: {value!r}")
    else:
        problems.append(f"{path}: unexpected shape type {kind}")


def bounds(shape, size, path):
    low, high = shape.metadata.get("min"), shape.metadata.get("max")
    if low is not None and size < low:
        problems.append(f"{path}: {size} is below the model's min {low}")
    if high is not None and size > high:
        problems.append(f"{path}: {size} is above the model's max {high}")


def on_parse(operation_model, response_dict, **_):
    """Sees every raw answer before botocore parses it (parsing would drop unknown members)."""
    name = operation_model.name
    status = response_dict["status_code"]
    body = response_dict["body"]
    if status != 200:
        problems.append(f"{name}: HTTP {status}: {body[:300]!r}")
        return
    called.add(name)
    parsed = json.loads(body) if body else {}
    if operation_model.output_shape is None:
        if parsed != {}:
            problems.append(f"{name}: the model has no output, the sandbox sent {parsed!r}")
    else:
        check(operation_model.output_shape, parsed, name)


cp.meta.events.register("before-parse.codepipeline", on_parse)


def wait_for(what, probe, seconds=20):
    """Polls `probe` until it returns something other than None (no fixed sleeps: a deadline)."""
    deadline = time.monotonic() + seconds
    while True:
        value = probe()
        if value is not None:
            return value
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.01)


def status_of(pipeline, run_id):
    return cp.get_pipeline_execution(pipelineName=pipeline, pipelineExecutionId=run_id)["pipelineExecution"]["status"]


def first_run(pipeline):
    return cp.list_pipeline_executions(pipelineName=pipeline)["pipelineExecutionSummaries"][0]["pipelineExecutionId"]


def stage(pipeline, name):
    return next(s for s in cp.get_pipeline_state(name=pipeline)["stageStates"] if s["stageName"] == name)


# --- Pipelines, runs and their controls -------------------------------------------------------
cp.create_pipeline(pipeline=fixtures["shapes"], tags=[{"key": "a", "value": "b"}])
run_id = first_run("shapes")
token = wait_for("an approval token", lambda: stage("shapes", "Approve")["actionStates"][0].get("latestExecution", {}).get("token"))
cp.disable_stage_transition(pipelineName="shapes", stageName="Approve", transitionType="Inbound", reason="hold")
second = cp.start_pipeline_execution(name="shapes")["pipelineExecutionId"]
wait_for("the second run to wait at Approve", lambda: stage("shapes", "Approve").get("inboundExecutions"))
cp.put_approval_result(
    pipelineName="shapes", stageName="Approve", actionName="Review", token=token,
    result={"status": "Approved", "summary": "ok"},
)
wait_for("the first run to fail in Deploy", lambda: status_of("shapes", run_id) == "Failed" or None)
cp.stop_pipeline_execution(pipelineName="shapes", pipelineExecutionId=second, abandon=True)
cp.enable_stage_transition(pipelineName="shapes", stageName="Approve", transitionType="Inbound")
# The scenario fails Publish on its first attempt only, so the retry succeeds.
cp.retry_stage_execution(pipelineName="shapes", stageName="Deploy", pipelineExecutionId=run_id, retryMode="FAILED_ACTIONS")
wait_for("the retried run to succeed", lambda: status_of("shapes", run_id) == "Succeeded" or None)
cp.rollback_stage(pipelineName="shapes", stageName="Deploy", targetPipelineExecutionId=run_id)
cp.list_action_executions(pipelineName="shapes")
cp.list_action_executions(
    pipelineName="shapes",
    filter={"latestInPipelineExecution": {"pipelineExecutionId": run_id, "startTimeRange": "Latest"}},
)
cp.list_pipeline_executions(pipelineName="shapes")
cp.get_pipeline(name="shapes")
cp.update_pipeline(pipeline=fixtures["shapes-updated"])
cp.list_pipelines()
arn = "arn:aws:codepipeline:us-east-1:123456789012:shapes"
cp.tag_resource(resourceArn=arn, tags=[{"key": "c", "value": "d"}])
cp.untag_resource(resourceArn=arn, tagKeys=["c"])
cp.list_tags_for_resource(resourceArn=arn)
cp.delete_pipeline(name="shapes")

# --- Stage conditions: one held by a rule (overridden), one failed by a rule --------------------
cp.create_pipeline(pipeline=fixtures["conditions-wait"])
held = first_run("conditions-wait")
wait_for(
    "the alarm rule to be checked",
    lambda: stage("conditions-wait", "Deploy").get("beforeEntryConditionState", {}).get("latestExecution", {}).get("status") == "InProgress" or None,
)
cp.override_stage_condition(pipelineName="conditions-wait", stageName="Deploy", pipelineExecutionId=held, conditionType="BEFORE_ENTRY")
wait_for("the overridden run to succeed", lambda: status_of("conditions-wait", held) == "Succeeded" or None)
cp.create_pipeline(pipeline=fixtures["conditions-fail"])
failed = first_run("conditions-fail")
wait_for("the success condition to fail the run", lambda: status_of("conditions-fail", failed) == "Failed" or None)
rules = cp.list_rule_executions(pipelineName="conditions-fail", filter={"pipelineExecutionId": failed})["ruleExecutionDetails"]
if "Failed" not in [r["status"] for r in rules]:
    problems.append(f"ListRuleExecutions: expected the failed rule, got {rules!r}")
cp.list_rule_executions(pipelineName="conditions-wait", maxResults=1)

# --- Action types, rule types, webhooks, deploy targets ----------------------------------------
shapes_type = {"category": "Build", "provider": "ShapesWorker", "version": "1"}
cp.create_custom_action_type(
    **shapes_type,
    settings={"entityUrlTemplate": "https://ci.example/{Config:ProjectName}"},
    configurationProperties=[{"name": "ProjectName", "required": True, "key": True, "secret": False, "queryable": True, "type": "String"}],
    inputArtifactDetails={"minimumCount": 0, "maximumCount": 1},
    outputArtifactDetails={"minimumCount": 0, "maximumCount": 1},
    tags=[{"key": "team", "value": "ci"}],
)
listed = cp.list_action_types(actionOwnerFilter="Custom")["actionTypes"]
if not any(t["id"]["provider"] == "ShapesWorker" for t in listed):
    problems.append("ListActionTypes(Custom): the created type is not listed")
cp.list_action_types()
cp.delete_custom_action_type(**shapes_type)
provider = fixtures["testProvider"]
cp.get_action_type(**provider["id"])
cp.update_action_type(actionType={**provider, "description": "Updated"})
cp.list_rule_types()
cp.create_pipeline(pipeline=fixtures["hook"])
cp.put_webhook(
    webhook={
        "name": "shapes-hook",
        "targetPipeline": "shapes-hook",
        "targetAction": "Checkout",
        "filters": [{"jsonPath": "$.ref", "matchEquals": "refs/heads/{Branch}"}],
        "authentication": "GITHUB_HMAC",
        "authenticationConfiguration": {"SecretToken": "s3cret"},
    },
    tags=[{"key": "k", "value": "v"}],
)
cp.list_webhooks(MaxResults=10)
cp.register_webhook_with_third_party(webhookName="shapes-hook")
cp.deregister_webhook_with_third_party(webhookName="shapes-hook")
cp.delete_webhook(name="shapes-hook")
cp.create_pipeline(pipeline=fixtures["ec2"])


def finished_fleet():
    details = cp.list_action_executions(pipelineName="shapes-ec2")["actionExecutionDetails"]
    return next((d for d in details if d["actionName"] == "Fleet" and d["status"] != "InProgress"), None)


fleet = wait_for("the EC2 deploy action to run", finished_fleet)
cp.list_deploy_action_execution_targets(actionExecutionId=fleet["actionExecutionId"])

# --- Job workers: custom and partner jobs, continued, succeeded and failed ---------------------
cp.create_custom_action_type(**fixtures["customTypeDefinition"])
cp.create_pipeline(pipeline=fixtures["jobs"])
custom = fixtures["customType"]


def poll_custom():
    jobs = cp.poll_for_jobs(actionTypeId=custom, maxBatchSize=1, queryParam={"ProjectName": "web"})["jobs"]
    return jobs[0] if jobs else None


job = wait_for("a custom job", poll_custom)
cp.acknowledge_job(jobId=job["id"], nonce=job["nonce"])
cp.get_job_details(jobId=job["id"])
cp.put_job_success_result(jobId=job["id"], continuationToken="step-2", executionDetails={"summary": "half", "percentComplete": 50})
again = wait_for("the continued job", poll_custom)
cp.put_job_failure_result(jobId=again["id"], failureDetails={"type": "JobFailed", "message": "no"})
cp.create_pipeline(pipeline=fixtures["partner"])
partner_type = fixtures["partnerType"]


def poll_partner():
    jobs = cp.poll_for_third_party_jobs(actionTypeId=partner_type)["jobs"]
    return jobs[0] if jobs else None


partner = wait_for("a partner job", poll_partner)
client_token = partner["clientId"]
nonce = cp.get_third_party_job_details(jobId=partner["jobId"], clientToken=client_token)["jobDetails"]["nonce"]
cp.acknowledge_third_party_job(jobId=partner["jobId"], nonce=nonce, clientToken=client_token)
cp.put_third_party_job_success_result(jobId=partner["jobId"], clientToken=client_token, continuationToken="again")
partner_again = wait_for("the continued partner job", poll_partner)
cp.put_third_party_job_failure_result(
    jobId=partner_again["jobId"], clientToken=client_token, failureDetails={"type": "JobFailed", "message": "no"}
)
cp.put_action_revision(
    pipelineName="shapes-jobs", stageName="Source", actionName="Checkout",
    actionRevision={"revisionId": "b" * 40, "revisionChangeId": "c1", "created": 1767225600},
)
cp.get_pipeline_state(name="shapes-jobs")

print(json.dumps({"called": sorted(called), "problems": problems}))
