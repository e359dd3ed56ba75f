"""A job worker for a CodePipeline custom action, with nothing but boto3.

It works the same against AWS and against the Pipewright sandbox. Point it at the sandbox with the
standard AWS environment:

    npx pipewright sandbox --port 4599 &
    export AWS_ENDPOINT_URL=http://127.0.0.1:4599 AWS_DEFAULT_REGION=us-east-1 \
           AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=y
    python3 examples/job_worker.py --category Build --provider MyBuild --version 1

(add `--query NAME=VALUE` when the action type has a queryable property).

The loop is the one the user guide describes ("Create and add a custom action"): poll for a job,
acknowledge it with its nonce, do the work, then report success (with output variables a later
action can use as #{namespace.NAME}) or failure (with a message the pipeline shows).
"""
import argparse
import time

import boto3


def do_the_work(job):
    """The custom action itself. Here: name the artifact a build of this project would produce."""
    configuration = job["data"]["actionConfiguration"]["configuration"]
    run_id = job["data"]["pipelineContext"]["pipelineExecutionId"]
    project = configuration.get("ProjectName", "app")
    return {"ARTIFACT": f"{project}-{run_id[:8]}.zip"}


def handle(client, job, fail_with):
    """Claims one job and reports its result. Returns False if another worker claimed it first."""
    try:
        client.acknowledge_job(jobId=job["id"], nonce=job["nonce"])
    except client.exceptions.InvalidNonceException:
        return False
    try:
        if fail_with:
            raise RuntimeError(fail_with)
        variables = do_the_work(job)
    except Exception as error:  # the pipeline shows this message as the action's error
        client.put_job_failure_result(
            jobId=job["id"],
            failureDetails={"type": "JobFailed", "message": str(error)[:5000]},
        )
        return True
    client.put_job_success_result(
        jobId=job["id"],
        executionDetails={"summary": f"Built {variables['ARTIFACT']}", "percentComplete": 100},
        outputVariables=variables,
    )
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--category", required=True)
    parser.add_argument("--provider", required=True)
    parser.add_argument("--version", default="1")
    parser.add_argument(
        "--query",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="take only jobs whose queryable property NAME is VALUE (required if the type has one)",
    )
    parser.add_argument("--interval", type=float, default=5.0, help="seconds between polls")
    parser.add_argument("--once", action="store_true", help="stop after handling one job")
    parser.add_argument("--max-wait", type=float, default=None, help="with --once: give up after N seconds")
    parser.add_argument("--fail-with", default=None, help="report this failure instead of doing the work")
    args = parser.parse_args()

    client = boto3.client("codepipeline")
    action_type = {"category": args.category, "owner": "Custom", "provider": args.provider, "version": args.version}
    query = dict(pair.split("=", 1) for pair in args.query)
    started = time.monotonic()
    while True:
        for job in client.poll_for_jobs(actionTypeId=action_type, maxBatchSize=1, queryParam=query)["jobs"]:
            if handle(client, job, args.fail_with) and args.once:
                print(job["id"])
                return
        if args.max_wait is not None and time.monotonic() - started > args.max_wait:
            raise SystemExit(f"no job for {args.provider} within {args.max_wait} s")
        time.sleep(args.interval)


if __name__ == "__main__":
    main()
