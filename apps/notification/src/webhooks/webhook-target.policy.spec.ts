import { checkWebhookTarget, isForbiddenAddress, parseWebhookUrl, WebhookTargetError } from './webhook-target.policy';

// Only literal addresses here: nothing is resolved and nothing is connected to.
describe('webhook target policy', () => {
  describe('address check', () => {
    it.each([
      ['127.0.0.1', 'loopback'],
      ['127.255.255.254', 'loopback'],
      ['::1', 'IPv6 loopback'],
      ['[::1]', 'bracketed IPv6 loopback'],
      ['0.0.0.0', 'unspecified'],
      ['::', 'IPv6 unspecified'],
      ['10.0.0.1', 'private 10/8'],
      ['10.255.255.255', 'private 10/8'],
      ['172.16.0.1', 'private 172.16/12'],
      ['172.31.255.255', 'private 172.16/12'],
      ['192.168.1.10', 'private 192.168/16'],
      ['100.64.0.1', 'carrier-grade NAT'],
      ['100.127.255.255', 'carrier-grade NAT'],
      ['169.254.169.254', 'cloud metadata'],
      ['169.254.0.1', 'link-local'],
      ['fe80::1', 'IPv6 link-local'],
      ['febf::1', 'IPv6 link-local'],
      ['fc00::1', 'unique local'],
      ['fd12:3456:789a::1', 'unique local'],
      ['224.0.0.251', 'multicast'],
      ['239.255.255.250', 'multicast'],
      ['ff02::1', 'IPv6 multicast'],
      ['255.255.255.255', 'broadcast'],
      ['240.0.0.1', 'reserved'],
      ['192.0.2.1', 'documentation'],
      ['198.18.0.1', 'benchmarking'],
      ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
      ['::ffff:7f00:1', 'IPv4-mapped loopback, hex form'],
      ['::FFFF:169.254.169.254', 'IPv4-mapped metadata'],
      ['::ffff:10.0.0.1', 'IPv4-mapped private'],
      ['::127.0.0.1', 'IPv4-compatible loopback'],
      ['64:ff9b::a00:1', 'NAT64 of a private address'],
      ['2002:7f00:1::', '6to4 of loopback'],
      ['', 'empty'],
      ['localhost', 'a name, not an address'],
      ['2130706433', 'decimal, not an address'],
      ['0x7f000001', 'hexadecimal, not an address'],
      ['1.2.3.4.5', 'malformed'],
    ])('refuses %p (%s)', (address) => {
      expect(isForbiddenAddress(address)).toBe(true);
    });

    it.each([
      ['93.184.215.14', 'public IPv4'],
      ['8.8.8.8', 'public IPv4'],
      ['172.15.255.255', 'just below 172.16/12'],
      ['172.32.0.1', 'just above 172.16/12'],
      ['100.63.255.255', 'just below 100.64/10'],
      ['100.128.0.1', 'just above 100.64/10'],
      ['11.0.0.1', 'just above 10/8'],
      ['169.253.255.255', 'just below 169.254/16'],
      ['2606:4700:4700::1111', 'public IPv6'],
      ['[2a00:1450:4007:80e::200e]', 'bracketed public IPv6'],
    ])('accepts %p (%s)', (address) => {
      expect(isForbiddenAddress(address)).toBe(false);
    });
  });

  describe('URL shape', () => {
    const strict = { allowPrivateTargets: false };
    const relaxed = { allowPrivateTargets: true };

    it.each([
      ['ftp://93.184.215.14/hook', 'only http and https'],
      ['file:///etc/passwd', 'only http and https'],
      ['javascript:alert(1)', 'only http and https'],
      ['https://user:secret@93.184.215.14/hook', 'credentials'],
      ['https://user@93.184.215.14/hook', 'credentials'],
      ['http://93.184.215.14/hook', 'https is required'],
      ['/relative/path', 'not an absolute URL'],
      ['https://', 'not an absolute URL'],
    ])('refuses %p', (url, reason) => {
      expect(() => parseWebhookUrl(url, strict)).toThrow(reason);
    });

    it('accepts plain http only when private targets are allowed', () => {
      expect(parseWebhookUrl('http://127.0.0.1:4000/hook', relaxed).href).toBe('http://127.0.0.1:4000/hook');
      expect(() => parseWebhookUrl('http://127.0.0.1:4000/hook', strict)).toThrow(WebhookTargetError);
    });

    it('still refuses credentials when private targets are allowed', () => {
      expect(() => parseWebhookUrl('http://a:b@127.0.0.1/hook', relaxed)).toThrow('credentials');
    });

    it.each([
      ['https://2130706433/', '127.0.0.1'],
      ['https://0x7f000001/', '127.0.0.1'],
      ['https://0177.0.0.1/', '127.0.0.1'],
      ['https://127.1/', '127.0.0.1'],
      ['https://0/', '0.0.0.0'],
      ['https://[0:0:0:0:0:ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
    ])('normalises the numeric host of %p to %p', (url, host) => {
      expect(parseWebhookUrl(url, strict).hostname).toBe(host);
    });
  });

  describe('full check', () => {
    const noDns = jest.fn(async (): Promise<string[]> => {
      throw new Error('DNS must not be queried for a literal address');
    });

    it.each([
      'https://127.0.0.1/hook',
      'https://2130706433/hook',
      'https://0x7f000001/hook',
      'https://169.254.169.254/latest/meta-data/',
      'https://[::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://[fe80::1]/hook',
      'https://10.1.2.3:8443/hook',
    ])('refuses the literal non-public target %p without resolving anything', async (url) => {
      await expect(checkWebhookTarget(url, { allowPrivateTargets: false, resolve: noDns })).rejects.toThrow(
        'not a public address',
      );
      expect(noDns).not.toHaveBeenCalled();
    });

    it('accepts a literal public target', async () => {
      const url = await checkWebhookTarget('https://93.184.215.14/hook?x=1', {
        allowPrivateTargets: false,
        resolve: noDns,
      });
      expect(url.href).toBe('https://93.184.215.14/hook?x=1');
    });

    it('refuses a name when any of its addresses is not public', async () => {
      const resolve = async (): Promise<string[]> => ['93.184.215.14', '10.0.0.7'];
      const attempt = checkWebhookTarget('https://hooks.partner.test/x', { allowPrivateTargets: false, resolve });
      await expect(attempt).rejects.toMatchObject({
        status: 400,
        details: { host: 'hooks.partner.test', addresses: ['10.0.0.7'] },
      });
    });

    it('accepts a name whose addresses are all public', async () => {
      const resolve = async (): Promise<string[]> => ['93.184.215.14', '2606:4700:4700::1111'];
      await expect(
        checkWebhookTarget('https://hooks.partner.test/x', { allowPrivateTargets: false, resolve }),
      ).resolves.toBeInstanceOf(URL);
    });

    it('refuses a name that does not resolve, or too slowly', async () => {
      const failing = async (): Promise<string[]> => {
        throw new Error('ENOTFOUND');
      };
      const silent = (): Promise<string[]> => new Promise(() => undefined);
      await expect(
        checkWebhookTarget('https://nowhere.test/', { allowPrivateTargets: false, resolve: failing }),
      ).rejects.toThrow('does not resolve');
      await expect(
        checkWebhookTarget('https://slow.test/', { allowPrivateTargets: false, resolve: silent, resolveTimeoutMs: 20 }),
      ).rejects.toThrow('does not resolve');
    });

    it('resolves nothing when private targets are allowed', async () => {
      const url = await checkWebhookTarget('http://127.0.0.1:4000/hook', { allowPrivateTargets: true, resolve: noDns });
      expect(url.port).toBe('4000');
      expect(noDns).not.toHaveBeenCalled();
    });
  });
});
