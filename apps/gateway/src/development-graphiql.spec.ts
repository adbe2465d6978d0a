import { createTokenVerifier, DEVELOPMENT_JWT_SECRET } from '@carebridge/auth';
import { developmentGraphiQL } from './development-graphiql';

describe('GraphiQL in development', () => {
  async function page(): Promise<string> {
    const listener = await developmentGraphiQL({ verification: { kind: 'hs256', secret: DEVELOPMENT_JWT_SECRET } }).serverWillStart?.({} as never);
    const landing = await (listener as { renderLandingPage(): Promise<{ html: string }> }).renderLandingPage();
    return landing.html;
  }

  it('is served whole from the package: no script, style or font from another host', async () => {
    const html = await page();
    expect(html).toContain('YogaGraphiQL.renderYogaGraphiQL');
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/i);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/i);
  });

  it('comes with a development supervisor token that the gateway accepts', async () => {
    const html = await page();
    const token = /Bearer ([\w-]+\.[\w-]+\.[\w-]+)/.exec(html)?.[1];
    expect(token).toBeDefined();
    const identity = await createTokenVerifier({ kind: 'hs256', secret: DEVELOPMENT_JWT_SECRET })(token as string);
    expect(identity).toEqual(expect.objectContaining({ userId: 'development-graphiql', roles: ['supervisor'] }));
  });
});
