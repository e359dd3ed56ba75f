import { describe, expect, it } from "vitest";
import { allowedExternalUrl } from "../../../main/app/external-links";

describe("allowedExternalUrl", () => {
  it.each([
    "https://docs.aws.amazon.com/codepipeline/latest/userguide/welcome.html",
    "https://console.aws.amazon.com/codesuite/codepipeline/pipelines",
    "https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/x/view?region=us-east-1",
    "https://aws.amazon.com/codepipeline/",
  ])("allows %s", (url) => {
    expect(allowedExternalUrl(url)).toBe(url);
  });

  it.each([
    "http://docs.aws.amazon.com/",
    "https://docs.aws.amazon.com.evil.example/",
    "https://evilaws.amazon.com/",
    "https://aws.amazon.com@evil.example/",
    "https://user:pass@docs.aws.amazon.com/",
    "https://docs.aws.amazon.com:8443/",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "smb://aws.amazon.com/share",
    "not a url",
    "",
  ])("refuses %s", (url) => {
    expect(allowedExternalUrl(url)).toBeUndefined();
  });
});
