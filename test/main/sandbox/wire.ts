/** Raw AWS JSON 1.1 requests, for what the SDK would never send. */
export interface RawResponse {
  status: number;
  contentType: string | null;
  json: Record<string, unknown>;
}

export async function rawCall(
  endpoint: string,
  target: string | undefined,
  body: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const response = await fetch(`${endpoint}/`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-amz-json-1.1",
      ...(target === undefined ? {} : { "X-Amz-Target": target }),
      ...headers,
    },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    json: JSON.parse(text),
  };
}

export const target = (operation: string): string => `CodePipeline_20150709.${operation}`;
