/** Site paths written in bodies get the hub's base path (src/markdown/plugins/base-links.ts). */
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { markdownPlugins } from '../../src/markdown/plugins/index.ts';

const render = async (source: string, base: string) => (await markdownToHtml(source, markdownPlugins(base))).html.trim();

describe('links in bodies under a base path', () => {
  it.each([
    { name: 'a site path', source: '[roll back](/runbooks/rollback-web/)', expected: '<a href="/releases/runbooks/rollback-web/">roll back</a>' },
    {
      name: 'a site path with a fragment',
      source: '[notes](/releases/web/4.0.0/#migration)',
      expected: '<a href="/releases/releases/web/4.0.0/#migration">notes</a>',
    },
    { name: 'an image', source: '![chart](/images/chart.png)', expected: '<img src="/releases/images/chart.png" alt="chart">' },
    { name: 'an absolute URL, unchanged', source: '[docs](https://docs.example/)', expected: '<a href="https://docs.example/">docs</a>' },
    { name: 'a protocol-relative URL, unchanged', source: '[cdn](//cdn.example/x)', expected: '<a href="//cdn.example/x">cdn</a>' },
    { name: 'a fragment, unchanged', source: '[up](#top)', expected: '<a href="#top">up</a>' },
    { name: 'a relative path, unchanged', source: '[next](next/)', expected: '<a href="next/">next</a>' },
  ])('$name', async ({ source, expected }) => {
    expect(await render(source, '/releases/')).toContain(expected);
  });

  it('leaves every link as written when the hub is at the root of its host', async () => {
    expect(await render('[roll back](/runbooks/rollback-web/)', '/')).toContain('<a href="/runbooks/rollback-web/">');
  });
});
