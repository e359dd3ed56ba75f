"""The same boto3 calls against moto (an independent CodePipeline implementation) and the sandbox.

Run by moto-compare.test.ts:  python3 moto_compare.py <sandbox endpoint>
Prints a JSON list of differences: [step, path, moto value, sandbox value]. The test compares it
with the differences it expects, each justified there.
"""

import datetime
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError
from moto import mock_aws

ROLE_POLICY = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "codepipeline.amazonaws.com"}, "Action": "sts:AssumeRole"}],
})


def pipeline(name, account="123456789012", build_project="app"):
    return {
        "name": name,
        "roleArn": f"arn:aws:iam::{account}:role/pipewright",
        "artifactStore": {"type": "S3", "location": "artifacts"},
        "stages": [
            {"name": "Source", "actions": [{
                "name": "Checkout",
                "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeCommit", "version": "1"},
                "configuration": {"RepositoryName": "app", "BranchName": "main", "PollForSourceChanges": "false"},
                "outputArtifacts": [{"name": "Src"}],
            }]},
            {"name": "Build", "actions": [{
                "name": "Compile",
                "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
                "configuration": {"ProjectName": build_project},
                "inputArtifacts": [{"name": "Src"}],
            }]},
        ],
    }


def normalise(value):
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items() if k != "ResponseMetadata"}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, datetime.datetime):
        return "<timestamp>"
    return value


def attempt(call, **kwargs):
    try:
        return {"ok": normalise(call(**kwargs))}
    except ClientError as error:
        return {"error": error.response["Error"]["Code"]}


def scenario(make_client):
    """The steps; each returns what a client would look at."""
    cp = make_client("us-east-1", "123456789012")
    steps = {}
    steps["create"] = attempt(cp.create_pipeline, pipeline=pipeline("web"), tags=[{"key": "b", "value": "2"}, {"key": "a", "value": "1"}])
    steps["get"] = attempt(cp.get_pipeline, name="web")
    steps["update"] = attempt(cp.update_pipeline, pipeline=pipeline("web", build_project="app-v2"))
    steps["get-after-update"] = attempt(cp.get_pipeline, name="web")
    steps["list"] = attempt(cp.list_pipelines)
    arn = "arn:aws:codepipeline:us-east-1:123456789012:web"
    steps["tag"] = attempt(cp.tag_resource, resourceArn=arn, tags=[{"key": "c", "value": "3"}])
    steps["untag"] = attempt(cp.untag_resource, resourceArn=arn, tagKeys=["b"])
    steps["list-tags"] = attempt(cp.list_tags_for_resource, resourceArn=arn)
    steps["tag-reserved"] = attempt(cp.tag_resource, resourceArn=arn, tags=[{"key": "aws:x", "value": "y"}])
    steps["tag-too-many"] = attempt(cp.tag_resource, resourceArn=arn, tags=[{"key": f"k{i}", "value": "v"} for i in range(50)])
    steps["get-unknown"] = attempt(cp.get_pipeline, name="ghost")
    steps["update-unknown"] = attempt(cp.update_pipeline, pipeline=pipeline("ghost"))
    steps["create-duplicate"] = attempt(cp.create_pipeline, pipeline=pipeline("web"))
    steps["delete-unknown"] = attempt(cp.delete_pipeline, name="ghost")
    steps["tags-unknown"] = attempt(cp.list_tags_for_resource, resourceArn="arn:aws:codepipeline:us-east-1:123456789012:ghost")
    # Regions and accounts: one endpoint, each request's own.
    ireland = make_client("eu-west-1", "123456789012")
    steps["create-in-ireland"] = attempt(ireland.create_pipeline, pipeline=pipeline("eu"))
    steps["list-in-virginia"] = attempt(cp.list_pipelines)
    steps["list-in-ireland"] = attempt(ireland.list_pipelines)
    other = make_client("us-east-1", "111111111111")
    steps["list-in-other-account"] = attempt(other.list_pipelines)
    steps["create-in-other-account"] = attempt(other.create_pipeline, pipeline=pipeline("mine", account="111111111111"))
    steps["get-in-other-account"] = attempt(other.get_pipeline, name="mine")
    steps["list-in-default-account"] = attempt(cp.list_pipelines)
    steps["delete"] = attempt(cp.delete_pipeline, name="web")
    steps["list-after-delete"] = attempt(cp.list_pipelines)
    return steps


def differences(a, b, step, path="$"):
    if type(a) is not type(b) or not isinstance(a, (dict, list)):
        return [] if a == b else [[step, path, a, b]]
    if isinstance(a, list):
        if len(a) != len(b):
            return [[step, path, a, b]]
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, step, f"{path}[{i}]")]
    out = []
    for key in sorted(set(a) | set(b)):
        if key not in a or key not in b:
            out.append([step, f"{path}.{key}", a.get(key, "<absent>"), b.get(key, "<absent>")])
        else:
            out.extend(differences(a[key], b[key], step, f"{path}.{key}"))
    return out


def main():
    endpoint = sys.argv[1]
    config = Config(retries={"max_attempts": 1})

    def sandbox_client(region, account):
        # The sandbox's convention: a 12-digit access key id is the account.
        key = account if account != "123456789012" else "AKIDSANDBOX"
        return boto3.client("codepipeline", endpoint_url=endpoint, region_name=region,
                            aws_access_key_id=key, aws_secret_access_key="x", config=config)

    with mock_aws():
        def moto_client(region, account):
            # moto's accounts are those of the credentials: another account's are got by assuming
            # a role in it. moto also checks that the pipeline's role exists and trusts CodePipeline.
            creds = {"aws_access_key_id": "AKIDSANDBOX", "aws_secret_access_key": "x"}
            if account != "123456789012":
                sts = boto3.client("sts", region_name=region, **creds)
                got = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/admin", RoleSessionName="compare")["Credentials"]
                creds = {"aws_access_key_id": got["AccessKeyId"], "aws_secret_access_key": got["SecretAccessKey"],
                         "aws_session_token": got["SessionToken"]}
            iam = boto3.client("iam", region_name=region, **creds)
            try:
                iam.create_role(RoleName="pipewright", AssumeRolePolicyDocument=ROLE_POLICY)
            except ClientError:
                pass
            return boto3.client("codepipeline", region_name=region, config=config, **creds)

        moto = scenario(moto_client)
    sandbox = scenario(sandbox_client)
    out = []
    for step in moto:
        out.extend(differences(moto[step], sandbox[step], step))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
