/** One GraphQL request, failing on any error in the answer: for setting up and checking, not for load. */
export async function graphql<T>(url: string, token: string | Record<string, string>, body: { query: string; variables?: Record<string, unknown> }): Promise<T> {
  const headers = typeof token === 'string' ? { authorization: `Bearer ${token}` } : token;
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const answer = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || answer.errors?.length || !answer.data) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(answer).slice(0, 600)}`);
  return answer.data;
}
