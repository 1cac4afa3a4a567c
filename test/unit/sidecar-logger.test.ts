import { Writable } from 'node:stream';
import { expect } from 'chai';
import { createLogger } from '../../sidecar/logger.js';

function captureLines(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, lines };
}

describe('sidecar logger', () => {
  it('censors secrets wherever they sit in a logged object', () => {
    const { stream, lines } = captureLines();
    const logger = createLogger('info', stream);
    logger.info(
      {
        settings: { mysqlUrl: 'mysql://sync:db-secret-1@db:3306/magento', salesforce: { clientSecret: 'sf-secret-2', password: 'sf-pass-3' } },
        accessToken: 'token-4',
      },
      'started',
    );
    const line = lines.join('');
    for (const secret of ['db-secret-1', 'sf-secret-2', 'sf-pass-3', 'token-4']) expect(line).not.to.include(secret);
    const entry = JSON.parse(line) as { settings: { mysqlUrl: string; salesforce: { clientSecret: string } }; msg: string };
    expect(entry.settings.mysqlUrl).to.equal('mysql://sync:%5Bredacted%5D@db:3306/magento');
    expect(entry.settings.salesforce.clientSecret).to.equal('[redacted]');
    expect(entry.msg).to.equal('started');
  });

  it('honours the level', () => {
    const { stream, lines } = captureLines();
    const logger = createLogger('warn', stream);
    logger.info('hidden');
    logger.warn('shown');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).to.deep.equal(['shown']);
  });
});
