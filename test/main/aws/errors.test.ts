/** The one error mapping: SDK exception names, credential-provider failures and socket errors. */
import { describe, expect, it } from "vitest";
import { mapAwsError, parseAccessDenied } from "../../../main/aws";
import { redact } from "../../../main/aws/errors";

function sdkError(
  name: string,
  message: string,
  metadata: object = { httpStatusCode: 400, attempts: 1 },
): Error {
  return Object.assign(new Error(message), { name, $metadata: metadata });
}

const context = { operation: "UpdatePipeline", pipelineName: "web", profile: "dev" };

describe("mapAwsError", () => {
  it("names the principal and the missing permission of an access denial", () => {
    const message =
      "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: codepipeline:UpdatePipeline on resource: arn:aws:codepipeline:us-east-1:123456789012:web because no identity-based policy allows the codepipeline:UpdatePipeline action";
    const error = mapAwsError(sdkError("AccessDeniedException", message), context);
    expect(error).toMatchObject({
      code: "access-denied",
      message:
        "Access denied: arn:aws:iam::123456789012:user/alice lacks the permission codepipeline:UpdatePipeline",
      denied: {
        principal: "arn:aws:iam::123456789012:user/alice",
        action: "codepipeline:UpdatePipeline",
        resource: "arn:aws:codepipeline:us-east-1:123456789012:web",
      },
    });
    expect(parseAccessDenied("Access denied")).toEqual({});
  });

  it("maps each service exception to its code", () => {
    const cases: [string, string, string][] = [
      ["InvalidStructureException", "Pipeline has only 1 stage(s)", "invalid-structure"],
      [
        "InvalidActionDeclarationException",
        "Action configuration for action 'Build' is invalid",
        "invalid-structure",
      ],
      ["PipelineNameInUseException", "in use", "pipeline-name-in-use"],
      [
        "InvalidStructureException",
        "A pipeline with the name 'web' already exists in account '1'",
        "pipeline-name-in-use",
      ],
      ["PipelineNotFoundException", "nope", "pipeline-not-found"],
      ["PipelineVersionNotFoundException", "nope", "pipeline-version-not-found"],
      ["LimitExceededException", "too many pipelines", "limit-exceeded"],
      ["ValidationException", "1 validation error detected", "validation"],
      ["ThrottlingException", "Rate exceeded", "throttled"],
      [
        "ExpiredTokenException",
        "The security token included in the request is expired",
        "credentials-expired",
      ],
      [
        "UnrecognizedClientException",
        "The security token included in the request is invalid",
        "credentials-invalid",
      ],
      ["ConcurrentModificationException", "busy", "concurrent-modification"],
      ["SomethingNew", "surprise", "unknown"],
    ];
    for (const [name, message, code] of cases)
      expect([name, mapAwsError(sdkError(name, message), context).code]).toEqual([name, code]);
  });

  it("says how many attempts a throttled call made", () => {
    const error = mapAwsError(
      sdkError("ThrottlingException", "Rate exceeded", { httpStatusCode: 400, attempts: 5 }),
      context,
    );
    expect(error.message).toBe(
      "AWS is throttling requests after 5 attempts; try again in a minute: UpdatePipeline",
    );
  });

  it("points a role problem at roleArn", () => {
    const error = mapAwsError(
      sdkError(
        "InvalidStructureException",
        "CodePipeline is not authorized to perform AssumeRole on role arn:aws:iam::1:role/x",
      ),
      context,
    );
    expect(error).toMatchObject({ code: "invalid-structure", path: ["roleArn"] });
  });

  it("tells an expired SSO session to log in with the profile", () => {
    const error = mapAwsError(
      Object.assign(
        new Error("The SSO session associated with this profile has expired or is otherwise invalid."),
        {
          name: "CredentialsProviderError",
        },
      ),
      context,
    );
    expect(error.code).toBe("expired-sso-token");
    expect(error.message).toContain("run `aws sso login --profile dev`");
  });

  it("maps socket failures to network errors naming the host", () => {
    const dns = Object.assign(new Error("getaddrinfo ENOTFOUND codepipeline.xx-east-9.amazonaws.com"), {
      code: "ENOTFOUND",
    });
    expect(mapAwsError(dns, context)).toMatchObject({
      code: "network",
      message:
        "Could not reach codepipeline.xx-east-9.amazonaws.com; check the network, the region and any endpoint override: ENOTFOUND",
    });
    const timeout = Object.assign(new Error("socket hang up"), { name: "TimeoutError" });
    expect(mapAwsError(timeout, { operation: "GetPipeline", endpoint: "http://127.0.0.1:1" }).code).toBe(
      "network",
    );
  });

  it("describes a failed non-AWS answer by its status", () => {
    const error = mapAwsError(sdkError("SyntaxError", "Unexpected token '<'", { httpStatusCode: 500 }), {
      operation: "ListPipelineExecutions",
    });
    expect(error).toMatchObject({
      code: "unknown",
      message: "The endpoint failed to answer (HTTP 500); try again later: ListPipelineExecutions",
    });
  });

  it("never puts key material in a message or details", () => {
    const error = mapAwsError(
      sdkError("SomethingNew", "bad key AKIAIOSFODNN7EXAMPLE with aws_secret_access_key=wJalrXUtnFEMI"),
      context,
    );
    expect(`${error.message} ${error.details}`).not.toMatch(/AKIAIOSFODNN7EXAMPLE|wJalrXUtnFEMI/);
    expect(redact("sessionToken: abc123")).toBe("sessionToken: [redacted]");
  });

  it("never throws, whatever was thrown", () => {
    for (const thrown of [undefined, null, 42, "text", {}, { name: 5 }, new Error("")]) {
      expect(mapAwsError(thrown, context).code).toBe("unknown");
    }
  });
});
