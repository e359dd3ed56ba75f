/** Links a person can open from an action execution: the provider's page and its logs. */

/**
 * The CloudWatch Logs console page of a log stream, from its ARN
 * (`arn:<partition>:logs:<region>:<account>:log-group:<group>:log-stream:<stream>`), or undefined
 * when the ARN does not have that form. The console double-encodes path parts and writes `%` as `$`.
 */
export function logStreamUrl(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  const match = /^arn:(aws|aws-cn|aws-us-gov):logs:([a-z0-9-]+):\d{12}:log-group:(.+):log-stream:(.*)$/.exec(
    arn,
  );
  if (!match) return undefined;
  const [, partition, region, group, stream] = match;
  if (region === undefined || group === undefined || stream === undefined) return undefined;
  const host =
    partition === "aws-cn"
      ? `${region}.console.amazonaws.cn`
      : partition === "aws-us-gov"
        ? `${region}.console.amazonaws-us-gov.com`
        : `${region}.console.aws.amazon.com`;
  const part = (value: string): string => encodeURIComponent(encodeURIComponent(value)).replace(/%/g, "$");
  const path = `log-groups/log-group/${part(group)}${stream === "" ? "" : `/log-events/${part(stream)}`}`;
  return `https://${host}/cloudwatch/home?region=${region}#logsV2:${path}`;
}
