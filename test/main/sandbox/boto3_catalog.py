"""Custom action types, action and rule type listings, webhooks and deploy targets through boto3.

Run by boto3-catalog.test.ts against a sandbox started with the TestProvider action type:
    python3 boto3_catalog.py <endpoint> <scenario>
Each scenario asserts as it goes; a failure exits non-zero with the assertion's message.
"""

import hashlib
import hmac
import json
import sys
import time
import urllib.error
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]


def client(region="us-east-1", key="AKIDSANDBOX"):
    return boto3.client(
        "codepipeline",
        endpoint_url=ENDPOINT,
        region_name=region,
        aws_access_key_id=key,
        aws_secret_access_key="sandbox-secret",
        config=Config(retries={"max_attempts": 1}),
    )


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as error:
        return error.response["Error"]["Code"], error.response["Error"]["Message"]
    raise AssertionError(f"{call.__name__} succeeded but should have failed: {kwargs}")


def custom_type(provider, version="1", properties=None):
    return {
        "category": "Build",
        "provider": provider,
        "version": version,
        "configurationProperties": properties
        if properties is not None
        else [{"name": "ProjectName", "required": True, "key": True, "secret": False, "queryable": True}],
        "inputArtifactDetails": {"minimumCount": 0, "maximumCount": 1},
        "outputArtifactDetails": {"minimumCount": 0, "maximumCount": 1},
    }


def custom_action_types():
    cp = client(key="111111111111")
    made = cp.create_custom_action_type(**custom_type("Worker"), tags=[{"key": "team", "value": "ci"}])
    assert made["actionType"]["id"] == {"category": "Build", "owner": "Custom", "provider": "Worker", "version": "1"}
    assert made["tags"] == [{"key": "team", "value": "ci"}]
    listed = cp.list_action_types(actionOwnerFilter="Custom")["actionTypes"]
    assert [t["id"]["provider"] for t in listed] == ["Worker"], listed
    assert listed[0]["actionConfigurationProperties"][0]["queryable"] is True
    # Per account and region, like pipelines.
    assert client(key="222222222222").list_action_types(actionOwnerFilter="Custom")["actionTypes"] == []
    assert client("eu-west-1", "111111111111").list_action_types(actionOwnerFilter="Custom")["actionTypes"] == []
    assert cp.list_action_types(actionOwnerFilter="Custom", regionFilter="eu-west-1")["actionTypes"] == []
    # Tagged by its ARN.
    arn = "arn:aws:codepipeline:us-east-1:111111111111:actiontype:Custom/Build/Worker/1"
    cp.tag_resource(resourceArn=arn, tags=[{"key": "more", "value": "x"}])
    assert {t["key"] for t in cp.list_tags_for_resource(resourceArn=arn)["tags"]} == {"team", "more"}
    # The queryable property's rules (API_ActionConfigurationProperty).
    two = [
        {"name": "A", "required": True, "key": True, "secret": False, "queryable": True},
        {"name": "B", "required": True, "key": True, "secret": False, "queryable": True},
    ]
    assert error_of(cp.create_custom_action_type, **custom_type("Two", properties=two))[0] == "ValidationException"
    secret = [{"name": "A", "required": True, "key": True, "secret": True, "queryable": True}]
    assert error_of(cp.create_custom_action_type, **custom_type("Secret", properties=secret))[0] == "ValidationException"
    assert error_of(cp.create_custom_action_type, **custom_type("Worker"))[0] == "ValidationException"
    # Deleted: gone from the list, and the version can never be used again.
    cp.delete_custom_action_type(category="Build", provider="Worker", version="1")
    assert cp.list_action_types(actionOwnerFilter="Custom")["actionTypes"] == []
    code, message = error_of(cp.create_custom_action_type, **custom_type("Worker"))
    assert code == "ValidationException" and "never used" in message, message
    cp.create_custom_action_type(**custom_type("Worker", version="2"))
    assert error_of(cp.delete_custom_action_type, category="Build", provider="Nope", version="1")[0] == "ValidationException"
    # 50 custom action types per account and region.
    quota = client(key="333333333333")
    for i in range(50):
        quota.create_custom_action_type(**custom_type(f"Q{i}"))
    assert error_of(quota.create_custom_action_type, **custom_type("Q50"))[0] == "LimitExceededException"


def action_type_listing():
    cp = client()
    pages = cp.get_paginator("list_action_types").paginate(actionOwnerFilter="AWS")
    ids = [t["id"] for page in pages for t in page["actionTypes"]]
    keys = [f'{i["category"]}/{i["provider"]}/{i["version"]}' for i in ids]
    assert len(keys) == len(set(keys)), "a type was listed twice across pages"
    assert "Build/CodeBuild/1" in keys and "Source/S3/1" in keys and "Deploy/CloudFormation/1" in keys
    assert all(i["owner"] == "AWS" for i in ids)
    third = cp.list_action_types(actionOwnerFilter="ThirdParty")["actionTypes"]
    assert any(t["id"]["provider"] == "GitHub" and t["id"]["category"] == "Source" for t in third), third
    everything = [t for page in cp.get_paginator("list_action_types").paginate() for t in page["actionTypes"]]
    assert len(everything) == len(ids) + len(third)
    # Integration-model types: GetActionType and UpdateActionType.
    provider = {"category": "Test", "owner": "ThirdParty", "provider": "TestProvider", "version": "1"}
    declared = cp.get_action_type(**provider)["actionType"]
    assert declared["executor"]["type"] == "JobWorker" and declared["id"] == provider
    declared["description"] = "Now with more tests"
    cp.update_action_type(actionType=declared)
    assert cp.get_action_type(**provider)["actionType"]["description"] == "Now with more tests"
    code, message = error_of(cp.get_action_type, **{**provider, "provider": "Nope"})
    assert code == "ActionTypeNotFoundException" and "is not available" in message, message
    missing = {**declared, "id": {**provider, "provider": "Nope"}}
    assert error_of(cp.update_action_type, actionType=missing)[0] == "ActionTypeNotFoundException"
    rules = {r["id"]["provider"]: r for r in cp.list_rule_types()["ruleTypes"]}
    assert set(rules) >= {"CloudWatchAlarm", "CodeBuild", "Commands", "DeploymentWindow", "LambdaInvoke", "VariableCheck"}
    assert [p["name"] for p in rules["VariableCheck"]["ruleConfigurationProperties"]] == ["Variable", "Value", "Operator"]


def github_pipeline(name):
    return {
        "name": name,
        "roleArn": "arn:aws:iam::123456789012:role/pipewright",
        "artifactStore": {"type": "S3", "location": "artifacts"},
        "stages": [
            {"name": "Source", "actions": [{
                "name": "Checkout",
                "actionTypeId": {"category": "Source", "owner": "ThirdParty", "provider": "GitHub", "version": "1"},
                "configuration": {"Owner": "octo", "Repo": "app", "Branch": "main", "OAuthToken": "t", "PollForSourceChanges": "false"},
                "outputArtifacts": [{"name": "Src"}],
            }]},
            {"name": "Build", "actions": [{
                "name": "Compile",
                "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
                "configuration": {"ProjectName": "app"},
                "inputArtifacts": [{"name": "Src"}],
            }]},
        ],
    }


def post(url, body, headers):
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def webhooks():
    cp = client()
    cp.create_pipeline(pipeline=github_pipeline("hooked"))
    definition = {
        "name": "on-push",
        "targetPipeline": "hooked",
        "targetAction": "Checkout",
        "filters": [{"jsonPath": "$.ref", "matchEquals": "refs/heads/{Branch}"}],
        "authentication": "GITHUB_HMAC",
        "authenticationConfiguration": {"SecretToken": "s3cret"},
    }
    put = cp.put_webhook(webhook=definition, tags=[{"key": "k", "value": "v"}])["webhook"]
    assert put["arn"] == "arn:aws:codepipeline:us-east-1:123456789012:webhook:on-push", put["arn"]
    assert put["definition"]["authenticationConfiguration"]["SecretToken"] != "s3cret", "the secret must be redacted"
    listed = cp.list_webhooks()["webhooks"]
    assert [w["definition"]["name"] for w in listed] == ["on-push"] and listed[0]["url"] == put["url"]
    assert "lastTriggered" not in listed[0]
    before = len(cp.list_pipeline_executions(pipelineName="hooked")["pipelineExecutionSummaries"])
    payload = json.dumps({"ref": "refs/heads/main", "after": "abc123"}).encode()
    signature = "sha256=" + hmac.new(b"s3cret", payload, hashlib.sha256).hexdigest()
    status, body = post(put["url"], payload, {"Content-Type": "application/json", "X-Hub-Signature-256": signature})
    assert status == 200 and "pipelineExecutionId" in body, (status, body)
    run = cp.get_pipeline_execution(pipelineName="hooked", pipelineExecutionId=body["pipelineExecutionId"])
    assert run["pipelineExecution"]["trigger"] == {"triggerType": "Webhook", "triggerDetail": put["arn"]}
    # A wrong signature, or a push to another branch, starts nothing.
    status, _ = post(put["url"], payload, {"Content-Type": "application/json", "X-Hub-Signature-256": "sha256=00"})
    assert status == 403
    other = json.dumps({"ref": "refs/heads/feature"}).encode()
    other_sig = "sha256=" + hmac.new(b"s3cret", other, hashlib.sha256).hexdigest()
    status, body = post(put["url"], other, {"Content-Type": "application/json", "X-Hub-Signature-256": other_sig})
    assert status == 200 and "pipelineExecutionId" not in body
    after = cp.list_pipeline_executions(pipelineName="hooked")["pipelineExecutionSummaries"]
    assert len(after) == before + 1
    assert "lastTriggered" in cp.list_webhooks()["webhooks"][0]
    # Validation, each with the error the model lists for PutWebhook.
    bad_ip = {**definition, "authentication": "IP", "authenticationConfiguration": {"AllowedIPRange": "not-a-cidr"}}
    assert error_of(cp.put_webhook, webhook=bad_ip)[0] == "InvalidWebhookAuthenticationParametersException"
    no_secret = {**definition, "authenticationConfiguration": {}}
    assert error_of(cp.put_webhook, webhook=no_secret)[0] == "InvalidWebhookAuthenticationParametersException"
    bad_path = {**definition, "filters": [{"jsonPath": "$.ref[0"}]}
    assert error_of(cp.put_webhook, webhook=bad_path)[0] == "InvalidWebhookFilterPatternException"
    assert error_of(cp.put_webhook, webhook={**definition, "targetPipeline": "nope"})[0] == "PipelineNotFoundException"
    assert error_of(cp.put_webhook, webhook={**definition, "targetAction": "Compile"})[0] == "ValidationException"
    # Registration with the third party.
    cp.register_webhook_with_third_party(webhookName="on-push")
    cp.deregister_webhook_with_third_party(webhookName="on-push")
    assert error_of(cp.register_webhook_with_third_party, webhookName="nope")[0] == "WebhookNotFoundException"
    # Deleting twice succeeds; the URL then starts nothing.
    cp.delete_webhook(name="on-push")
    cp.delete_webhook(name="on-push")
    assert cp.list_webhooks()["webhooks"] == []
    status, _ = post(put["url"], payload, {"Content-Type": "application/json", "X-Hub-Signature-256": signature})
    assert status == 404


def ec2_pipeline(name):
    return {
        "name": name,
        "roleArn": "arn:aws:iam::123456789012:role/pipewright",
        "pipelineType": "V2",
        "artifactStore": {"type": "S3", "location": "artifacts"},
        "stages": [
            {"name": "Source", "actions": [{
                "name": "Checkout",
                "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "S3", "version": "1"},
                "configuration": {"S3Bucket": "b", "S3ObjectKey": "app.zip", "PollForSourceChanges": "false"},
                "outputArtifacts": [{"name": "Src"}],
            }]},
            {"name": "Deploy", "actions": [{
                "name": "Fleet",
                "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "EC2", "version": "1"},
                "configuration": {"InstanceTagKey": "Name", "InstanceType": "EC2", "TargetDirectory": "/opt/app", "PostScript": "start.sh"},
                "inputArtifacts": [{"name": "Src"}],
            }]},
        ],
    }


def deploy_targets():
    cp = client()
    cp.create_pipeline(pipeline=ec2_pipeline("fleet"))
    for _ in range(400):
        details = cp.list_action_executions(pipelineName="fleet")["actionExecutionDetails"]
        fleet = [d for d in details if d["actionName"] == "Fleet" and d["status"] == "Succeeded"]
        if fleet:
            break
        time.sleep(0.05)
    else:
        raise AssertionError("the EC2 deploy action never succeeded")
    targets = cp.list_deploy_action_execution_targets(pipelineName="fleet", actionExecutionId=fleet[0]["actionExecutionId"])["targets"]
    assert len(targets) == 2 and all(t["targetType"] == "EC2" and t["status"] == "Succeeded" for t in targets), targets
    assert all(t["targetId"].startswith("i-") and len(t["targetId"]) == 19 for t in targets)
    assert all(t["startTime"] <= t["endTime"] for t in targets)
    failed = cp.list_deploy_action_execution_targets(
        actionExecutionId=fleet[0]["actionExecutionId"], filters=[{"name": "TARGET_STATUS", "values": ["Failed"]}]
    )["targets"]
    assert failed == []
    source = [d for d in details if d["actionName"] == "Checkout"][0]
    assert cp.list_deploy_action_execution_targets(actionExecutionId=source["actionExecutionId"])["targets"] == []
    assert error_of(cp.list_deploy_action_execution_targets, actionExecutionId="nope")[0] == "ActionExecutionNotFoundException"
    assert error_of(cp.list_deploy_action_execution_targets, pipelineName="nope", actionExecutionId="x")[0] == "PipelineNotFoundException"


SCENARIOS = {
    "custom-action-types": custom_action_types,
    "action-type-listing": action_type_listing,
    "webhooks": webhooks,
    "deploy-targets": deploy_targets,
}

if __name__ == "__main__":
    SCENARIOS[sys.argv[2]]()
    print("ok")
